import { readBodyWithin } from './webhook-body.js'
import { createMemoryWebhookClaims, type WebhookClaims } from './webhook-claims.js'
import { verifyWebhookSignature } from './webhook-signature.js'

export interface BrowserUseWebhookEvent {
  type: string
  timestamp: string
  payload: { task_id: string; session_id?: string; status: string; metadata?: Record<string, string> }
}

export interface WebhookHandlerOptions {
  /** The webhook secret from Browser Use's dashboard. */
  secret: string
  /** Called once per verified event. If it throws, the handler answers 500 and Browser Use delivers the event again. */
  onEvent?(event: BrowserUseWebhookEvent): void | Promise<void>
  /**
   * The clean-up `runBrowserAgent` does, for runs no process is following any more: called with
   * `metadata.agentTaskId` when a task ended (`finished`, `failed`, `stopped`). Bind it to core's
   * revoke for the link's owner, e.g. `(id) => agentTasks.revoke(id, { auth: { userId: ownerOf(id) }, context: undefined })`.
   * Its failure answers 500, so Browser Use delivers the event again.
   */
  endAccess?(agentTaskId: string): Promise<unknown>
  /** Oldest accepted timestamp, in seconds. Default 300. */
  toleranceSeconds?: number
  /**
   * Largest body read, in bytes; a bigger one answers 413 (a declared `Content-Length` before anything
   * is read, otherwise as soon as the bytes pass it). Default 64 KiB: Browser Use's events are small.
   */
  maxBodyBytes?: number
  /** Longest the body may take to arrive, in milliseconds; slower answers 408. Default 10 000. */
  bodyTimeoutMs?: number
  /**
   * Where verified events are claimed before they are handled, keyed by their signature, so a replay
   * or concurrent duplicate deliveries are handled once (409 for the others); a failed handling
   * releases its claim. Default: `createMemoryWebhookClaims()`, in this process only; several
   * instances need a shared store (the README has one on Redis).
   */
  seen?: WebhookClaims
}

const ENDED = new Set(['finished', 'failed', 'stopped'])

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/**
 * A Web `Request → Response` handler for Browser Use's webhooks: verifies `X-Browser-Use-Signature`
 * (HMAC-SHA256 of `"<timestamp>.<canonical JSON>"`, non-ASCII escaped as Python writes it, or as is) in constant time, refuses timestamps outside
 * the window and signatures seen before, then calls `onEvent`. Answers 401 to anything unverified.
 * Method, signature headers and timestamp are checked before a byte of the body is read, and the
 * body is read with a byte cap and a time limit (413, 408).
 */
export function createBrowserUseWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const tolerance = options.toleranceSeconds ?? 300
  // A signature stays acceptable while its timestamp is within the window: 2 × tolerance at most.
  const claimSeconds = 2 * tolerance + 1
  const seen = options.seen ?? createMemoryWebhookClaims()
  const handle = async (event: BrowserUseWebhookEvent): Promise<Response | undefined> => {
    await options.onEvent?.(event)
    const agentTaskId = event.payload?.metadata?.agentTaskId
    if (options.endAccess && agentTaskId && ENDED.has(event.payload.status)) {
      try {
        await options.endAccess(agentTaskId)
      } catch (error) {
        const code = (error as { code?: string }).code
        if (code !== 'agent_task_already_revoked' && code !== 'agent_session_already_ended') return plain(500, 'Could not end the agent’s access; retry.')
      }
    }
    return undefined
  }
  return async (request) => {
    if (request.method !== 'POST') return plain(405, 'Use POST.')
    const signature = request.headers.get('x-browser-use-signature') ?? ''
    const timestamp = request.headers.get('x-browser-use-timestamp') ?? ''
    const seconds = Number(timestamp)
    if (!/^[0-9a-f]{64}$/.test(signature) || !Number.isInteger(seconds)) return plain(401, 'Missing or malformed signature.')
    if (Math.abs(Date.now() / 1000 - seconds) > tolerance) return plain(401, 'Stale timestamp.')
    const body = await readBodyWithin(request, { maxBytes: options.maxBodyBytes ?? 64 * 1024, timeoutMs: options.bodyTimeoutMs ?? 10_000 })
    if (!body.ok) return plain(body.status, body.message)
    let event: BrowserUseWebhookEvent
    try {
      event = JSON.parse(body.text) as BrowserUseWebhookEvent
    } catch {
      return plain(400, 'Body is not JSON.')
    }
    if (!verifyWebhookSignature(options.secret, timestamp, event, signature)) return plain(401, 'Bad signature.')
    // Claimed before handling, so concurrent deliveries of one event cannot all pass.
    let claimed: boolean
    try {
      claimed = await seen.claim(signature, claimSeconds)
    } catch {
      return plain(503, 'Could not record the event; retry.')
    }
    if (!claimed) return plain(409, 'Replayed event.')
    let failed: Response | undefined
    try {
      failed = await handle(event)
    } catch {
      failed = plain(500, 'Could not handle the event; retry.')
    }
    if (failed) {
      // Released so that Browser Use's redelivery is handled; if releasing fails, the claim expires.
      await Promise.resolve()
        .then(() => seen.release(signature))
        .catch(() => undefined)
      return failed
    }
    return plain(200, 'ok')
  }
}
