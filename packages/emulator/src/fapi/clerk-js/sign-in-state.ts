import type { ClientRecord } from '../../state/records.js'
import type { Store } from '../../state/store.js'
import type { EmailCodeState } from '../../types.js'

/** How long an email code may be used, as Clerk: 10 minutes. */
export const EMAIL_CODE_TTL_MS = 10 * 60 * 1000

export interface FirstFactorVerification {
  strategy: 'password' | 'email_code'
  status: 'unverified' | 'verified' | 'failed' | 'expired'
  attempts: number
  expireAt: number
  /** email_code: the address the code was made for, and the code (never sent anywhere; see `emailCodesOf`). */
  emailAddressId?: string
  code?: string
  codeCreatedAt?: number
}

/** A client's sign-in in progress (`client.sign_in`); Clerk keeps one per client. */
export interface SignInAttempt {
  id: string
  userId: string
  identifier: string
  status: 'needs_first_factor' | 'complete'
  firstFactor: FirstFactorVerification | null
  createdSessionId: string | null
  createdAt: number
  abandonAt: number
}

// Keyed by the client record itself, so a `reset()` (which drops the clients) drops the sign-ins too.
const signIns = new WeakMap<ClientRecord, SignInAttempt>()

export function signInOf(client: ClientRecord | undefined): SignInAttempt | undefined {
  return client ? signIns.get(client) : undefined
}

export function setSignIn(client: ClientRecord, attempt: SignInAttempt | undefined): void {
  if (attempt) signIns.set(client, attempt)
  else signIns.delete(client)
}

/** Every email code still usable, newest first. */
export function emailCodesOf(store: Store): EmailCodeState[] {
  const now = Date.now()
  const codes: EmailCodeState[] = []
  for (const client of store.clients.values()) {
    const attempt = signIns.get(client)
    const factor = attempt?.firstFactor
    if (!attempt || factor?.strategy !== 'email_code' || !factor.code || factor.status !== 'unverified' || factor.expireAt <= now) continue
    const user = store.users.get(attempt.userId)
    const email = user?.emails.find((e) => e.id === factor.emailAddressId)?.email
    if (!email) continue
    codes.push({
      email,
      userId: attempt.userId,
      code: factor.code,
      signInId: attempt.id,
      createdAt: factor.codeCreatedAt ?? attempt.createdAt,
      expiresAt: factor.expireAt,
    })
  }
  return codes.sort((a, b) => b.createdAt - a.createdAt)
}
