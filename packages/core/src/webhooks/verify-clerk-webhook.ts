import type { WebhookEvent } from '@clerk/backend/webhooks'
import { AgentTaskError } from '../errors.js'
import type { ContractRequest } from '../http/contract.js'

const SVIX_HEADERS = ['svix-id', 'svix-timestamp', 'svix-signature'] as const

export interface SvixHeaders {
  id: string
  timestamp: string
  signature: string
}

/** The Svix headers, or a 401 naming those missing (a request without them was not sent by Clerk). */
export function svixHeadersOf(request: ContractRequest): SvixHeaders {
  const [id, timestamp, signature] = SVIX_HEADERS.map((name) => request.header(name)?.trim() || undefined)
  if (id === undefined || timestamp === undefined || signature === undefined) {
    const missing = SVIX_HEADERS.filter((_, index) => [id, timestamp, signature][index] === undefined)
    throw new AgentTaskError('webhook_signature_invalid', `Not a signed Clerk webhook: missing ${missing.join(', ')}.`, {
      fields: missing.map((field) => ({ field, message: 'is required' })),
    })
  }
  return { id, timestamp, signature }
}

/** What `@clerk/backend` says went wrong, without its package banner. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const reason = /Unable to verify incoming webhook: ([^\n]*)/.exec(message)?.[1] ?? message
  return reason.replace(/^🔒 Clerk: /, '').trim()
}

/**
 * The event, verified with `@clerk/backend`'s own `verifyWebhook` (Svix's signature over
 * `id.timestamp.body`, and a timestamp within 5 minutes of now). Anything it refuses is a 401
 * `webhook_signature_invalid`; never a 500.
 */
export async function verifyClerkWebhook(body: string, headers: SvixHeaders, signingSecret: string): Promise<WebhookEvent> {
  const { verifyWebhook } = await import('@clerk/backend/webhooks')
  const request = new Request('https://clerk-webhook.invalid/', {
    method: 'POST',
    headers: { 'svix-id': headers.id, 'svix-timestamp': headers.timestamp, 'svix-signature': headers.signature },
    body,
  })
  try {
    return await verifyWebhook(request, { signingSecret })
  } catch (error) {
    throw new AgentTaskError('webhook_signature_invalid', `The webhook's signature could not be verified: ${reasonOf(error)}. Check that the signing secret is this endpoint's.`)
  }
}
