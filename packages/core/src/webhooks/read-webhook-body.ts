import { AgentTaskError } from '../errors.js'
import { bodyTooLarge } from '../http/body-errors.js'
import type { ContractRequest } from '../http/contract.js'

/**
 * Largest webhook body read. A session event carries the session's user, whose metadata alone may
 * reach 3 × 8 KB in Clerk; nothing Clerk sends for sessions or users comes near this.
 */
export const WEBHOOK_MAX_BODY_BYTES = 64 * 1024

function bodyAlreadyParsed(): AgentTaskError {
  return new AgentTaskError(
    'misconfigured',
    'The webhook body was parsed before agent-tasks could read it, and a signature can only be checked on the exact bytes Clerk sent. Mount the agent-tasks routes before your JSON body parser (e.g. express.json()), or keep that parser off this path.',
  )
}

/**
 * The body exactly as sent, at most `WEBHOOK_MAX_BODY_BYTES` (413 past it, before anything is
 * verified) and within `timeoutMs` (408). A body some parser already turned into an object cannot be
 * verified: 500 `misconfigured`, naming the fix.
 */
export async function readWebhookBody(request: ContractRequest, timeoutMs: number): Promise<string> {
  const declared = request.header('content-length')
  if (declared !== undefined && Number(declared) > WEBHOOK_MAX_BODY_BYTES) throw bodyTooLarge(WEBHOOK_MAX_BODY_BYTES)
  const body = await request.readBody({ maxBytes: WEBHOOK_MAX_BODY_BYTES, timeoutMs })
  if ('text' in body) return body.text
  const { parsed } = body
  const text = typeof parsed === 'string' ? parsed : parsed instanceof Uint8Array ? new TextDecoder().decode(parsed) : undefined
  if (text === undefined) throw bodyAlreadyParsed()
  if (new TextEncoder().encode(text).byteLength > WEBHOOK_MAX_BODY_BYTES) throw bodyTooLarge(WEBHOOK_MAX_BODY_BYTES)
  return text
}
