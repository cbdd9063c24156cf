import { createHmac, timingSafeEqual } from 'node:crypto'
import { readBodyWithin } from './webhook-body.js'

/** JSON with keys sorted at every level and no whitespace: what Browser Use signs. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

export interface BrowserUseWebhookEvent {
  type: string
  timestamp: string
  payload: { task_id: string; session_id?: string; status: string; metadata?: Record<string, string> }
}

export interface WebhookHandlerOptions {
  /** The webhook secret from Browser Use's dashboard. */
  secret: string
  /** Called once per verified event. */
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
  /** Signatures seen lately, to refuse replays. Default: in memory, per process. */
  seen?: { has(signature: string): boolean; add(signature: string): void }
}

const ENDED = new Set(['finished', 'failed', 'stopped'])

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/**
 * A Web `Request → Response` handler for Browser Use's webhooks: verifies `X-Browser-Use-Signature`
 * (HMAC-SHA256 of `"<timestamp>.<canonical JSON>"`) in constant time, refuses timestamps outside
 * the window and signatures seen before, then calls `onEvent`. Answers 401 to anything unverified.
 * Method, signature headers and timestamp are checked before a byte of the body is read, and the
 * body is read with a byte cap and a time limit (413, 408).
 */
export function createBrowserUseWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const tolerance = options.toleranceSeconds ?? 300
  const recent = new Map<string, number>()
  const seen = options.seen ?? {
    has: (signature: string) => recent.has(signature),
    add: (signature: string) => {
      const now = Date.now()
      for (const [key, at] of recent) if (now - at > tolerance * 2000) recent.delete(key)
      recent.set(signature, now)
    },
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
    const expected = createHmac('sha256', options.secret).update(`${timestamp}.${canonicalJson(event)}`).digest()
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return plain(401, 'Bad signature.')
    if (seen.has(signature)) return plain(409, 'Replayed event.')
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
    seen.add(signature)
    return plain(200, 'ok')
  }
}
