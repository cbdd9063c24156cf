import { createHmac } from 'node:crypto'

/** JSON with keys sorted at every level and no whitespace: what Browser Use signs. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
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
