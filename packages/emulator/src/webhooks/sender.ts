import { randomId } from '../crypto/ids.js'
import type { WebhookDelivery } from '../types.js'
import { type PayloadContext, payloadOf, type WebhookPayload } from './payload.js'
import { currentRequestAttributes } from './request-attributes.js'
import { signingKeyOf, svixSignature } from './svix-signature.js'
import type { StoreEvents } from './store-events.js'

/**
 * Svix's retry schedule after a failed first attempt (Clerk delivers through Svix): 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h.
 */
export const SVIX_RETRY_DELAYS_MS: readonly number[] = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]

/** Svix gives up on an endpoint that has not answered within 15 s. */
const ATTEMPT_TIMEOUT_MS = 15_000
/** Deliveries remembered for `webhookDeliveries()`, newest kept. */
const MAX_RECORDED = 1000

export interface WebhookSenderOptions {
  /** Where to POST; `undefined`: events are dropped until a URL is set. */
  url: string | undefined
  signingSecret: string
  retryDelaysMs: readonly number[]
  payload: PayloadContext
}

interface Message {
  id: string
  type: WebhookPayload['type']
  body: string
}

/**
 * Sends the store's events as Clerk's webhooks, signed as Svix signs them, each on its own: a request
 * that causes an event never waits for its delivery. A failed attempt (non-2xx, network error,
 * timeout) is tried again on the retry schedule with the same `svix-id`, freshly timestamped and signed.
 */
export class WebhookSender {
  private url: string | undefined
  private readonly key: Buffer
  private readonly recorded: WebhookDelivery[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly inFlight = new Set<AbortController>()
  private readonly unsubscribe: () => void
  private closed = false

  constructor(
    events: StoreEvents,
    private readonly options: WebhookSenderOptions,
  ) {
    this.key = signingKeyOf(options.signingSecret)
    this.url = options.url
    this.unsubscribe = events.on((event) => {
      if (this.url === undefined || this.closed) return
      const payload = payloadOf(event, options.payload, currentRequestAttributes())
      this.attempt({ id: randomId('msg'), type: payload.type, body: JSON.stringify(payload) }, 1)
    })
  }

  setUrl(url: string | undefined): void {
    this.url = url
  }

  deliveries(): ReadonlyArray<WebhookDelivery> {
    return [...this.recorded]
  }

  /** Forgets recorded deliveries and drops pending retries. */
  reset(): void {
    this.cancelPending()
    this.recorded.length = 0
  }

  /** Stops for good: pending retries are dropped, attempts under way aborted. */
  close(): void {
    this.closed = true
    this.unsubscribe()
    this.cancelPending()
  }

  private cancelPending(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const controller of this.inFlight) controller.abort()
    this.inFlight.clear()
  }

  private attempt(message: Message, attempt: number): void {
    const url = this.url
    if (url === undefined || this.closed) return
    const at = Date.now()
    const timestamp = Math.floor(at / 1000)
    const controller = new AbortController()
    this.inFlight.add(controller)
    const timeout = setTimeout(() => controller.abort(new Error(`no answer within ${ATTEMPT_TIMEOUT_MS} ms`)), ATTEMPT_TIMEOUT_MS)
    fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Svix-Webhooks/1.0 (agent-tasks-emulator)',
        'svix-id': message.id,
        'svix-timestamp': String(timestamp),
        'svix-signature': svixSignature(this.key, message.id, timestamp, message.body),
      },
      body: message.body,
      signal: controller.signal,
      redirect: 'manual',
    })
      .then(async (response) => {
        await response.arrayBuffer().catch(() => undefined)
        return { status: response.status }
      })
      .catch((error: unknown) => ({ error: errorText(controller.signal.reason ?? error) }))
      .then((outcome) => {
        clearTimeout(timeout)
        // Aborted by close() or reset(): nothing to record or retry.
        if (!this.inFlight.delete(controller)) return
        const ok = 'status' in outcome && outcome.status >= 200 && outcome.status < 300
        this.record({ eventType: message.type, svixId: message.id, attempt, ok, at, ...outcome })
        if (!ok) this.retryLater(message, attempt)
      })
  }

  private retryLater(message: Message, attempt: number): void {
    const delay = this.options.retryDelaysMs[attempt - 1]
    if (delay === undefined) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      this.attempt(message, attempt + 1)
    }, delay)
    // A pending retry never keeps the process alive on its own.
    timer.unref()
    this.timers.add(timer)
  }

  private record(delivery: WebhookDelivery): void {
    this.recorded.push(Object.freeze(delivery))
    if (this.recorded.length > MAX_RECORDED) this.recorded.shift()
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: unknown }).cause
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
}
