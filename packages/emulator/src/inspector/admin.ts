import type { WebhookDelivery } from '../types.js'

/** What the emulator-only pages and endpoints (`/_emulator/…`) need beyond the store. */
export interface EmulatorAdmin {
  /** The same as `emulator.state.reset()`. */
  reset(): void
  /** Webhook delivery attempts, oldest first, when the emulator sends webhooks. */
  webhookDeliveries?(): ReadonlyArray<WebhookDelivery>
}
