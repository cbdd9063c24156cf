import { AgentTaskError } from '../errors.js'
import type { ContractRequest, ContractResponse } from '../http/contract.js'
import { jsonResponse } from '../http/responses.js'
import type { ResolvedOptions } from '../options.js'
import { redactCredentials } from '../redact.js'
import { applySessionEvent, type SessionEventOutcome } from './apply-session-event.js'
import { readWebhookBody } from './read-webhook-body.js'
import { SeenMessages } from './seen-messages.js'
import { svixHeadersOf, verifyClerkWebhook } from './verify-clerk-webhook.js'

const SESSION_EVENTS = new Set(['session.created', 'session.ended', 'session.revoked', 'session.removed'])

function envSecret(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.CLERK_WEBHOOK_SIGNING_SECRET || undefined
}

function notConfigured(): AgentTaskError {
  return new AgentTaskError(
    'webhook_not_configured',
    'No Clerk webhook signing secret is configured: set CLERK_WEBHOOK_SIGNING_SECRET, or pass `webhookSigningSecret` to createAgentTasks().',
  )
}

/** A store that threw is unavailable, whatever it threw: Clerk (Svix) delivers again later. */
function unavailable(error: unknown): AgentTaskError {
  console.error(`[agent-tasks] a Clerk webhook could not update the link records (answered 503, Clerk retries): ${redactCredentials(error instanceof Error ? error.message : String(error))}`)
  if (error instanceof AgentTaskError && error.code === 'store_unavailable') return error
  return new AgentTaskError('store_unavailable', 'The link records could not be updated; Clerk will deliver this event again.', {
    cause: error,
    retryAfterSeconds: 5,
  })
}

export type ClerkWebhookHandler = (request: ContractRequest) => Promise<ContractResponse>

/**
 * `POST {base}/clerk-webhook`: Clerk's webhooks, server to server. A request without Svix's headers
 * is refused unread; the body is bounded, then verified with `@clerk/backend` (Svix signature and
 * timestamp), and a message already applied (same `svix-id`) is acknowledged without being applied
 * again. `session.*` events of agent
 * sessions update the ledger; every other verified event is acknowledged and ignored. Answers: 200
 * when done (or nothing to do), 401 unsigned or badly signed, 404 without a signing secret, 413/408
 * for the body, 503 when the store failed (nothing applied: Svix retries).
 */
export function createClerkWebhookHandler<Context>(resolved: ResolvedOptions<Context>): ClerkWebhookHandler {
  const seen = new SeenMessages()
  const inFlight = new Map<string, Promise<ContractResponse>>()

  async function apply(type: string, data: unknown): Promise<SessionEventOutcome | undefined> {
    if (!SESSION_EVENTS.has(type)) return undefined
    try {
      return await applySessionEvent(resolved.store, data as Parameters<typeof applySessionEvent>[1])
    } catch (error) {
      throw unavailable(error)
    }
  }

  return async (request) => {
    const signingSecret = resolved.webhookSigningSecret ?? envSecret()
    if (signingSecret === undefined) throw notConfigured()
    // An unsigned request is turned away before its body is read; a signed one's body is bounded before it is verified.
    const headers = svixHeadersOf(request)
    const body = await readWebhookBody(request, resolved.bodyTimeoutMs)
    const event = await verifyClerkWebhook(body, headers, signingSecret)
    if (seen.has(headers.id)) return jsonResponse(200, { message: 'Webhook already received', type: event.type, applied: false })
    // The same message arriving twice at once is applied once; both are answered alike.
    const running = inFlight.get(headers.id)
    if (running !== undefined) return running
    const work = apply(event.type, event.data).then((outcome) => {
      seen.remember(headers.id)
      return jsonResponse(200, {
        message: 'Webhook received',
        type: event.type,
        applied: outcome?.applied === true,
        ...(outcome?.applied === true ? { agentTaskId: outcome.agentTaskId } : {}),
      })
    })
    inFlight.set(headers.id, work)
    try {
      return await work
    } finally {
      inFlight.delete(headers.id)
    }
  }
}
