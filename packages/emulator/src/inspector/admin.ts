import type { WebhookDelivery } from '../types.js'
import type { InspectorAuth } from './auth.js'

/** What the emulator-only pages and endpoints (`/_emulator/…`) need beyond the store. */
export interface EmulatorAdmin {
  /** The same as `emulator.state.reset()`. */
  reset(): void
  /** One-time admin links and the inspector's browser sessions. */
  inspector: InspectorAuth
  /** Webhook delivery attempts, oldest first, when the emulator sends webhooks. */
  webhookDeliveries?(): ReadonlyArray<WebhookDelivery>
}
