import type { ServerResponse } from 'node:http'
import type { EmulatorContext } from '../context.js'
import { signJwt } from '../crypto/jwt.js'
import { redirect } from '../http/io.js'
import type { ClientRecord, SessionRecord } from '../state/records.js'
import { mintSessionToken } from './tokens.js'

/** Ten years, like Clerk's `__client_uat`. */
const UAT_MAX_AGE = 315_360_000
const DEV_BROWSER_MAX_AGE = 31_536_000

export interface DirectiveInput {
  /** Signed-in when given: a fresh token for this (active) session. */
  session?: SessionRecord
  client?: ClientRecord
  /** Development only: the dev browser id to (re)set as `__clerk_db_jwt`. */
  devBrowserId?: string
  /** `azp` for the new token: the app origin. */
  azp?: string
  /** Also emit `__session_<suffix>` / `__client_uat_<suffix>` (the SDK asked with `suffixed_cookies=true`). */
  suffixed?: boolean
}

/**
 * The Set-Cookie lines a handshake carries. No `Secure` (the emulator and local apps speak http),
 * no `Domain` (host-only cookies on the app's host).
 */
export function handshakeDirectives(ctx: EmulatorContext, input: DirectiveInput): string[] {
  const names = input.suffixed ? ['', `_${ctx.cookieSuffix}`] : ['']
  const out: string[] = []
  for (const suffix of names) {
    if (input.session) {
      const token = mintSessionToken(ctx, input.session, input.azp ? { azp: input.azp } : {})
      const uat = Math.floor((input.client?.updatedAt ?? input.session.createdAt) / 1000)
      out.push(`__session${suffix}=${token}; Path=/; SameSite=Lax`)
      out.push(`__client_uat${suffix}=${uat}; Path=/; SameSite=Lax; Max-Age=${UAT_MAX_AGE}`)
    } else {
      out.push(`__session${suffix}=; Path=/; SameSite=Lax; Max-Age=0`)
      out.push(`__client_uat${suffix}=0; Path=/; SameSite=Lax; Max-Age=${UAT_MAX_AGE}`)
    }
  }
  if (ctx.instance === 'development' && input.devBrowserId) {
    out.push(`__clerk_db_jwt=${input.devBrowserId}; Path=/; SameSite=Lax; Max-Age=${DEV_BROWSER_MAX_AGE}`)
  }
  if (ctx.instance === 'production') {
    // The handshake cookie has done its job once resolved.
    out.push('__clerk_handshake=; Path=/; SameSite=Lax; Max-Age=0', '__clerk_handshake_nonce=; Path=/; SameSite=Lax; Max-Age=0')
  }
  return out
}

/** A handshake token: `{ handshake: [Set-Cookie…] }` signed with the instance key. */
export function handshakeToken(ctx: EmulatorContext, directives: string[]): string {
  return signJwt({ handshake: directives, iat: Math.floor(Date.now() / 1000) }, ctx.keys)
}

export interface HandshakeRedirect {
  redirectUrl: string
  directives: string[]
  /** `nonce`: hand over a nonce the app exchanges via `GET /v1/clients/handshake_payload`. */
  format: 'token' | 'nonce'
  devBrowserId?: string
  /** Cookies for the emulator's own host (e.g. `__client`). */
  emulatorCookies?: string[]
  status?: 303 | 307
}

/**
 * Sends the browser back to the app with the handshake: as query parameters in development
 * (`__clerk_handshake` or `__clerk_handshake_nonce`, plus `__clerk_db_jwt`), as a cookie in production.
 */
export function sendHandshake(ctx: EmulatorContext, res: ServerResponse, input: HandshakeRedirect): void {
  const target = new URL(input.redirectUrl)
  const cookies = [...(input.emulatorCookies ?? [])]
  const value = input.format === 'nonce' ? ctx.store.storeNonce(input.directives) : handshakeToken(ctx, input.directives)
  const name = input.format === 'nonce' ? '__clerk_handshake_nonce' : '__clerk_handshake'
  if (ctx.instance === 'development') {
    target.searchParams.set(name, value)
    if (input.devBrowserId) target.searchParams.set('__clerk_db_jwt', input.devBrowserId)
  } else {
    cookies.push(`${name}=${value}; Path=/; SameSite=Lax; HttpOnly; Max-Age=60`)
  }
  redirect(res, input.status ?? 307, target.toString(), cookies)
}
