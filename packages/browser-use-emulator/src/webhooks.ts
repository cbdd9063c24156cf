import { createHmac } from 'node:crypto'

/** Compares by Unicode code point, as Python's `sort_keys` does (JavaScript's `sort()` compares UTF-16 units). */
function byCodePoint(a: string, b: string): number {
  const left = Array.from(a)
  const right = Array.from(b)
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = (left[i] as string).codePointAt(0)! - (right[i] as string).codePointAt(0)!
    if (difference !== 0) return difference
  }
  return left.length - right.length
}

/**
 * What Browser Use signs: Python's `json.dumps(value, sort_keys=True, separators=(',', ':'))`. Keys
 * sorted by code point at every level, no whitespace, and (`ensure_ascii`, Python's default) every
 * character outside printable ASCII escaped as `\uXXXX`, astral ones as a surrogate pair.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort(byCodePoint)
      .map((key) => `${canonicalJson(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** `X-Browser-Use-Signature`: hex HMAC-SHA256 of `"<timestamp>.<canonical JSON>"`. */
export function signWebhook(secret: string, timestamp: string, body: unknown): string {
  return createHmac('sha256', secret).update(`${timestamp}.${canonicalJson(body)}`).digest('hex')
}

export interface WebhookTarget {
  url: string
  secret: string
}

/** Sends `agent.task.status_update` for a task; a receiver that is down is ignored, as Browser Use would retry later. */
export async function sendStatusWebhook(
  target: WebhookTarget,
  task: { id: string; sessionId: string; status: string; metadata: Record<string, string> },
): Promise<void> {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const body = {
    type: 'agent.task.status_update',
    timestamp: new Date().toISOString(),
    payload: { task_id: task.id, session_id: task.sessionId, status: task.status, metadata: task.metadata },
  }
  await fetch(target.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Browser-Use-Signature': signWebhook(target.secret, timestamp, body),
      'X-Browser-Use-Timestamp': timestamp,
    },
    body: JSON.stringify(body),
  }).catch(() => undefined)
}
