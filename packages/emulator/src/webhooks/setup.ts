import { derivedId } from '../crypto/ids.js'
import type { Store } from '../state/store.js'
import type { WebhookOptions } from '../types.js'
import { SVIX_RETRY_DELAYS_MS, WebhookSender } from './sender.js'
import { newSigningSecret, signingKeyOf } from './svix-signature.js'

/** The endpoint URL, checked: absolute http(s). Throws naming the option. */
export function webhookUrl(url: string, name = 'webhooks.url'): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${url}".`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL, got "${url}".`)
  return parsed.toString()
}

/** Checks `webhooks` before anything starts. Throws an `Error` naming the bad field. */
export function validateWebhookOptions(options: WebhookOptions | undefined): void {
  if (options === undefined) return
  if (options.url !== undefined) webhookUrl(options.url)
  if (options.signingSecret !== undefined) signingKeyOf(options.signingSecret)
  const delays = options.retryDelaysMs
  if (delays !== undefined && (!Array.isArray(delays) || delays.length > 20 || !delays.every((d) => Number.isFinite(d) && d >= 0))) {
    throw new Error('webhooks.retryDelaysMs must be at most 20 non-negative numbers of milliseconds.')
  }
}

export interface EmulatorWebhooks {
  sender: WebhookSender
  signingSecret: string
  /** `CLERK_WEBHOOK_SIGNING_SECRET` when webhooks were asked for, else nothing (the env stays as it was). */
  env: Record<string, string>
}

/** The webhook sender of one emulator, listening to its store from now on. */
export function startWebhooks(store: Store, options: WebhookOptions | undefined, site: { url: string; secretKey: string }): EmulatorWebhooks {
  const signingSecret = options?.signingSecret ?? newSigningSecret()
  const sender = new WebhookSender(store.events, {
    url: options?.url === undefined ? undefined : webhookUrl(options.url),
    signingSecret,
    retryDelaysMs: options?.retryDelaysMs ?? SVIX_RETRY_DELAYS_MS,
    // A stable instance ID for a fixed secret key, like a real instance's.
    payload: { baseUrl: site.url, instanceId: derivedId('ins', site.secretKey), users: store.users },
  })
  return { sender, signingSecret, env: options === undefined ? {} : { CLERK_WEBHOOK_SIGNING_SECRET: signingSecret } }
}
