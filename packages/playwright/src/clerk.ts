import { type ClerkClient, createClerkClient } from '@clerk/backend'
import type { ClerkConnection } from './config.js'
import { redactCredentials } from '@agent-tasks/core'

export function clerkClientFor(connection: ClerkConnection): ClerkClient {
  return createClerkClient({
    secretKey: connection.secretKey,
    ...(connection.apiUrl ? { apiUrl: connection.apiUrl } : {}),
    // A test helper has no business reporting usage to Clerk.
    telemetry: { disabled: true },
  })
}

/** What Clerk said, from a `ClerkAPIResponseError` (duck-typed: it comes from `@clerk/shared`). */
export interface ClerkFailure {
  status: number | undefined
  code: string | undefined
  /** One line for humans, credentials removed. */
  summary: string
}

export function describeClerkFailure(error: unknown, secrets: readonly string[] = []): ClerkFailure {
  const candidate = error as { status?: unknown; errors?: unknown; message?: unknown; cause?: unknown }
  const status = typeof candidate?.status === 'number' ? candidate.status : undefined
  const first = Array.isArray(candidate?.errors)
    ? (candidate.errors[0] as { code?: unknown; longMessage?: unknown; message?: unknown } | undefined)
    : undefined
  const code = typeof first?.code === 'string' ? first.code : undefined
  const detail =
    (typeof first?.longMessage === 'string' && first.longMessage) ||
    (typeof first?.message === 'string' && first.message) ||
    (typeof candidate?.message === 'string' && candidate.message) ||
    String(error)
  const cause = candidate?.cause instanceof Error ? ` (${candidate.cause.message})` : ''
  const head = [status, code].filter((part) => part !== undefined).join(' ')
  return { status, code, summary: redactCredentials(`${head ? `${head}: ` : ''}${detail}${cause}`, secrets) }
}

/** True when Clerk answered with this status (and code, if given). */
export function isClerkFailure(error: unknown, status: number, code?: string): boolean {
  const failure = describeClerkFailure(error)
  return failure.status === status && (code === undefined || failure.code === code)
}
