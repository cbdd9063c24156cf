import type { SigningKeys } from './crypto/keys.js'
import type { EmulatorAdmin } from './inspector/admin.js'
import type { Store } from './state/store.js'
import type { InstanceType } from './types.js'

/** Everything handlers need about one running emulator instance. */
export interface EmulatorContext {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** `127.0.0.1:<port>` — the host encoded in the publishable key. */
  frontendApi: string
  /** `iss` of session tokens: `https://<frontendApi>`, so the SDK never switches to suffixed cookies. */
  issuer: string
  instance: InstanceType
  secretKey: string
  publishableKey: string
  /** Suffix Clerk appends to suffixed cookie names for this publishable key. */
  cookieSuffix: string
  keys: SigningKeys
  store: Store
  sessionTokenTtlSeconds: number
  allowedRedirectOrigins: ReadonlySet<string>
  /** Reset and webhook deliveries for the emulator-only endpoints and the inspector (`/_emulator/…`). */
  admin?: EmulatorAdmin
}
