import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import type { EmulatorContext } from '../context.js'
import { readForm, sendJson } from '../http/io.js'
import type { RequestInfo, Route } from '../http/router.js'
import type { EmulatorAdmin } from './admin.js'
import { ADMIN_COOKIE, type AdminSession } from './auth.js'
import { html } from './html.js'
import { isLoopbackAddress, isLoopbackHost, isSameOrigin, requestScheme } from './loopback.js'
import { INSPECTOR_CSP, renderInspector } from './page.js'

export const INSPECTOR_PATH = '/_emulator/'

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': INSPECTOR_CSP,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Not no-referrer: with it, browsers send `Origin: null` on the page's own POST forms, which the Origin check refuses.
  'Referrer-Policy': 'same-origin',
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function messagePage(res: ServerResponse, status: number, title: string, text: string, headers: Record<string, string> = {}): void {
  send(
    res,
    status,
    html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Clerk emulator</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`
      .value,
    headers,
  )
}

function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(303, { ...SECURITY_HEADERS, Location: location, 'Content-Length': '0', ...(cookies.length ? { 'Set-Cookie': cookies } : {}) })
  res.end()
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

type Viewer = { kind: 'bearer' } | { kind: 'cookie'; session: AdminSession }

/**
 * The inspector's gate, before anything else: the emulator's admin parts exist, the peer is on a loopback
 * address and `Host` is a loopback name with the emulator's port (refuses DNS-rebinding pages).
 */
function gate(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): EmulatorAdmin | undefined {
  const admin = ctx.admin
  if (!admin) {
    messagePage(res, 404, 'Not found', 'This emulator has no inspector.')
    return undefined
  }
  if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host, new URL(ctx.url).port)) {
    messagePage(res, 403, 'Loopback only', 'The inspector answers only on 127.0.0.1, localhost or [::1] with the emulator’s port.')
    return undefined
  }
  return admin
}

/** Bearer secret key (curl, scripts), else the admin cookie a one-time link set. */
function viewerOf(ctx: EmulatorContext, admin: EmulatorAdmin, req: IncomingMessage, cookies: Record<string, string>): Viewer | undefined {
  const header = req.headers.authorization
  if (header) {
    const [scheme, token] = header.split(' ', 2)
    return scheme === 'Bearer' && token && safeEqual(token, ctx.secretKey) ? { kind: 'bearer' } : undefined
  }
  const session = admin.inspector.sessionFor(cookies[ADMIN_COOKIE])
  return session ? { kind: 'cookie', session } : undefined
}

function unauthorized(res: ServerResponse): void {
  messagePage(
    res,
    401,
    'Sign-in needed',
    'Open the one-time admin link the emulator printed when it started (or emulator.createAdminLink()), or send Authorization: Bearer <secret key>.',
    { 'WWW-Authenticate': 'Bearer realm="agent-tasks-emulator"' },
  )
}

/**
 * A POST from a browser must come from the inspector's own page: `Origin` is this origin and the form
 * carries the session's CSRF token (the cookie is also `SameSite=Strict`). Bearer callers hold the key itself.
 */
async function checkPost(viewer: Viewer, req: IncomingMessage): Promise<boolean> {
  const form = await readForm(req)
  if (viewer.kind === 'bearer') return true
  return isSameOrigin(req) && safeEqual(form.get('csrf') ?? '', viewer.session.csrfToken)
}

/** An inspector action: checks, then `act` answers what happened or why not. */
function action(
  path: string,
  act: (ctx: EmulatorContext, id: string) => { ok: true; notice: string; json: Record<string, unknown> } | { ok: false; status: number; message: string },
): Route {
  return {
    method: 'POST',
    path,
    kind: 'page',
    async handler(ctx, { req, res, cookies, params }: RequestInfo) {
      const admin = gate(ctx, req, res)
      if (!admin) return
      const viewer = viewerOf(ctx, admin, req, cookies)
      if (!viewer) return unauthorized(res)
      if (!(await checkPost(viewer, req))) {
        return messagePage(res, 403, 'Refused', 'This request did not come from the inspector page (Origin or CSRF token missing or wrong).')
      }
      const outcome = act(ctx, params.id ?? '')
      if (viewer.kind === 'bearer') {
        return outcome.ok ? sendJson(res, 200, outcome.json, { 'Cache-Control': 'no-store' }) : sendJson(res, outcome.status, { error: outcome.message })
      }
      if (!outcome.ok) return messagePage(res, outcome.status, 'Not done', outcome.message)
      redirect(res, `${INSPECTOR_PATH}?done=${outcome.notice}`)
    },
  }
}

/** The inspector: a page on the emulator's own origin, loopback only, behind the secret key or a one-time admin link. */
export const inspectorRoutes: Route[] = [
  {
    method: 'GET',
    path: '/_emulator',
    kind: 'page',
    handler(_ctx, { res }) {
      redirect(res, INSPECTOR_PATH)
    },
  },
  {
    method: 'GET',
    path: INSPECTOR_PATH,
    kind: 'page',
    handler(ctx, { req, res, url, cookies }) {
      const admin = gate(ctx, req, res)
      if (!admin) return
      const viewer = viewerOf(ctx, admin, req, cookies)
      if (!viewer) return unauthorized(res)
      send(
        res,
        200,
        renderInspector({
          ctx,
          ...(viewer.kind === 'cookie' ? { csrfToken: viewer.session.csrfToken } : {}),
          notice: url.searchParams.get('done'),
        }),
      )
    },
  },
  {
    method: 'GET',
    path: '/_emulator/login',
    kind: 'page',
    handler(ctx, { req, res, url }) {
      const admin = gate(ctx, req, res)
      if (!admin) return
      const token = url.searchParams.get('token') ?? ''
      if (!token || !admin.inspector.consumeLoginToken(token)) {
        return messagePage(res, 401, 'Link not valid', 'This admin link is not valid or was already used: each one works once. Ask for a new one (restart the emulator, or emulator.createAdminLink()).')
      }
      const { cookieValue } = admin.inspector.openSession()
      const secure = requestScheme(req) === 'https:' ? '; Secure' : ''
      redirect(res, INSPECTOR_PATH, [`${ADMIN_COOKIE}=${cookieValue}; Path=/_emulator; HttpOnly; SameSite=Strict${secure}`])
    },
  },
  action('/_emulator/agent-tasks/:id/revoke', (ctx, id) => {
    const task = ctx.store.agentTasks.get(id)
    if (!task) return { ok: false, status: 404, message: 'No agent task has that id.' }
    if (task.status !== 'pending') return { ok: false, status: 409, message: `This agent task is ${task.status}: only a pending one can be revoked. End its session instead.` }
    task.status = 'revoked'
    task.updatedAt = Date.now()
    return { ok: true, notice: 'revoked', json: { object: 'agent_task', id: task.id, status: task.status } }
  }),
  action('/_emulator/sessions/:id/end', (ctx, id) => {
    const session = ctx.store.getSession(id)
    if (!session) return { ok: false, status: 404, message: 'No session has that id.' }
    if (session.status !== 'active') return { ok: false, status: 409, message: `This session is already ${session.status}.` }
    ctx.store.endSession(session, 'revoked')
    return { ok: true, notice: 'ended', json: { object: 'session', id: session.id, status: session.status } }
  }),
]
