import type { ServerResponse } from 'node:http'
import type { EmulatorContext } from '../context.js'
import { sendHandshake, handshakeDirectives } from '../session/handshake.js'
import type { ClientRecord, SessionRecord } from '../state/records.js'

/** The emulator's own browser cookie: which client (and so which session) this browser has. */
export function clientCookie(value: string): string {
  return `__client=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=315360000`
}

export interface BrowserSignIn {
  userId: string
  redirectUrl: string
  /** Reuse this browser's client (hosted sign-in page); agent links always start a fresh client. */
  client?: ClientRecord
  actor?: Record<string, unknown>
  agentTaskId?: string
  maxDurationSeconds?: number
  status: 303 | 307
}

/** Creates a session for a browser and hands it to the app at `redirectUrl` via a handshake. */
export function signInBrowser(ctx: EmulatorContext, res: ServerResponse, input: BrowserSignIn): SessionRecord {
  const client = input.client ?? ctx.store.createClient()
  const session = ctx.store.createSession(input.userId, client, {
    ...(input.actor ? { actor: input.actor } : {}),
    ...(input.agentTaskId ? { agentTaskId: input.agentTaskId } : {}),
    ...(input.maxDurationSeconds !== undefined ? { maxDurationSeconds: input.maxDurationSeconds } : {}),
  })
  const devBrowserId = ctx.instance === 'development' ? ctx.store.newDevBrowser(client.id) : undefined
  const directives = handshakeDirectives(ctx, {
    session,
    client,
    azp: new URL(input.redirectUrl).origin,
    ...(devBrowserId ? { devBrowserId } : {}),
  })
  sendHandshake(ctx, res, {
    redirectUrl: input.redirectUrl,
    directives,
    format: 'token',
    ...(devBrowserId ? { devBrowserId } : {}),
    emulatorCookies: [clientCookie(ctx.store.clientCookieFor(client))],
    status: input.status,
  })
  return session
}
