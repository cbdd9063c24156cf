import { createHmac, timingSafeEqual } from 'node:crypto'

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
  /**
   * Called once per verified event. For a task that ended (`finished`, `failed`, `stopped`), end the
   * agent's access here: `metadata.agentTaskId` names the link (`agentTasks.revoke(...)`).
   */
  onEvent(event: BrowserUseWebhookEvent): void | Promise<void>
  /** Oldest accepted timestamp, in seconds. Default 300. */
  toleranceSeconds?: number
  /** Signatures seen lately, to refuse replays. Default: in memory, per process. */
  seen?: { has(signature: string): boolean; add(signature: string): void }
}

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/**
 * A Web `Request → Response` handler for Browser Use's webhooks: verifies `X-Browser-Use-Signature`
 * (HMAC-SHA256 of `"<timestamp>.<canonical JSON>"`) in constant time, refuses timestamps outside
 * the window and signatures seen before, then calls `onEvent`. Answers 401 to anything unverified.
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
    let event: BrowserUseWebhookEvent
    try {
      event = JSON.parse(await request.text()) as BrowserUseWebhookEvent
    } catch {
      return plain(400, 'Body is not JSON.')
    }
    const expected = createHmac('sha256', options.secret).update(`${timestamp}.${canonicalJson(event)}`).digest()
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return plain(401, 'Bad signature.')
    if (seen.has(signature)) return plain(409, 'Replayed event.')
    seen.add(signature)
    await options.onEvent(event)
    return plain(200, 'ok')
  }
}
