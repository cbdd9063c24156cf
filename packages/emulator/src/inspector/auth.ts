import { randomSecret, sha256 } from '../crypto/ids.js'

/** Where the admin cookie is sent: only the inspector's own paths. */
export const ADMIN_COOKIE = '__emulator_admin'
const SESSION_TTL_MS = 12 * 3600 * 1000
const MAX_LOGIN_TOKENS = 20
const MAX_SESSIONS = 50

export interface AdminSession {
  /** Put in every form and checked on every POST made with the cookie. */
  csrfToken: string
  expiresAt: number
}

/**
 * One-time admin links and the browser sessions they open. Only SHA-256 hashes of tokens and cookie
 * values are kept, so nothing here can be read back into a working link.
 */
export class InspectorAuth {
  private readonly loginTokens = new Set<string>()
  private readonly sessions = new Map<string, AdminSession>()

  /** A new single-use login token for `/_emulator/login?token=…`. */
  issueLoginToken(): string {
    const token = randomSecret(32)
    this.loginTokens.add(sha256(token))
    // Oldest first in a Set: drop the oldest unused links beyond the cap.
    for (const hash of this.loginTokens) {
      if (this.loginTokens.size <= MAX_LOGIN_TOKENS) break
      this.loginTokens.delete(hash)
    }
    return token
  }

  /** Uses the token up; true only the first time. */
  consumeLoginToken(token: string): boolean {
    return this.loginTokens.delete(sha256(token))
  }

  /** Opens a browser session; returns the cookie value (kept only hashed here). */
  openSession(now = Date.now()): { cookieValue: string; session: AdminSession } {
    for (const [hash, session] of this.sessions) {
      if (session.expiresAt <= now || this.sessions.size >= MAX_SESSIONS) this.sessions.delete(hash)
    }
    const cookieValue = randomSecret(32)
    const session = { csrfToken: randomSecret(24), expiresAt: now + SESSION_TTL_MS }
    this.sessions.set(sha256(cookieValue), session)
    return { cookieValue, session }
  }

  sessionFor(cookieValue: string | undefined, now = Date.now()): AdminSession | undefined {
    if (!cookieValue) return undefined
    const key = sha256(cookieValue)
    const session = this.sessions.get(key)
    if (session && session.expiresAt <= now) {
      this.sessions.delete(key)
      return undefined
    }
    return session
  }
}
