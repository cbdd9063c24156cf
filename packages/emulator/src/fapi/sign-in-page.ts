import type { IncomingMessage } from 'node:http'
import type { EmulatorContext } from '../context.js'
import { readForm, sendHtml } from '../http/io.js'
import type { Route } from '../http/router.js'
import { isAllowedRedirect } from '../redirects.js'
import { handshakeDirectives, sendHandshake } from '../session/handshake.js'
import { clientCookie, signInBrowser } from './browser.js'

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Clerk emulator</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1f2933}
h1{font-size:1.4rem}p.note{color:#616e7c;font-size:.9rem}
form{margin:.5rem 0}button{width:100%;padding:.75rem 1rem;font-size:1rem;text-align:left;border:1px solid #cbd2d9;border-radius:.5rem;background:#fff;cursor:pointer}
button:hover{background:#f5f7fa}small{display:block;color:#616e7c}
</style></head><body>${body}</body></html>`
}

/** Where to send the browser afterwards: `redirect_url` (validated), else an allowed `Referer`, else nowhere. */
function resolveRedirect(ctx: EmulatorContext, req: IncomingMessage, explicit: string | null): { url?: string; error?: string } {
  if (explicit) {
    return isAllowedRedirect(ctx, explicit) ? { url: explicit } : { error: 'redirect_url is not an allowed redirect origin.' }
  }
  const referer = req.headers.referer
  if (referer && isAllowedRedirect(ctx, referer) && new URL(referer).origin !== ctx.url) return { url: referer }
  return {}
}

function userButton(id: string, label: string, detail: string, redirectUrl: string | undefined): string {
  return `<form method="post" action="/sign-in">
<input type="hidden" name="user_id" value="${escapeHtml(id)}">
${redirectUrl ? `<input type="hidden" name="redirect_url" value="${escapeHtml(redirectUrl)}">` : ''}
<button type="submit">${escapeHtml(label)}<small>${escapeHtml(detail)}</small></button></form>`
}

/** Emulator-only hosted pages (like Clerk's Account Portal): `/sign-in` and `/sign-out`. */
export const signInPageRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sign-in',
    kind: 'page',
    handler(ctx, { req, res, url }) {
      const target = resolveRedirect(ctx, req, url.searchParams.get('redirect_url'))
      if (target.error) return sendHtml(res, 400, page('Sign in', `<h1>Cannot sign in</h1><p>${escapeHtml(target.error)}</p>`))
      const users = [...ctx.store.users.values()]
      const buttons = users
        .map((u) => {
          const name = [u.firstName, u.lastName].filter(Boolean).join(' ')
          const email = u.emails.find((e) => e.id === u.primaryEmailAddressId)?.email ?? u.username ?? u.id
          return userButton(u.id, name || email, name ? email : u.id, target.url)
        })
        .join('\n')
      const note = target.url
        ? `<p class="note">You will be sent back to ${escapeHtml(new URL(target.url).origin)}.</p>`
        : '<p class="note">No redirect_url given: you will stay on the emulator.</p>'
      sendHtml(
        res,
        200,
        page('Sign in', `<h1>Sign in as…</h1>${note}${buttons || '<p>No users yet. Create some with the Backend API or the emulator options.</p>'}`),
      )
    },
  },
  {
    method: 'POST',
    path: '/sign-in',
    kind: 'page',
    async handler(ctx, { req, res, cookies }) {
      const form = await readForm(req)
      const userId = form.get('user_id') ?? ''
      const user = ctx.store.users.get(userId)
      if (!user) return sendHtml(res, 400, page('Sign in', '<h1>Cannot sign in</h1><p>Unknown user.</p>'))
      const target = resolveRedirect(ctx, req, form.get('redirect_url'))
      if (target.error) return sendHtml(res, 400, page('Sign in', `<h1>Cannot sign in</h1><p>${escapeHtml(target.error)}</p>`))
      if (!target.url) {
        const client = ctx.store.clientFromCookie(cookies.__client) ?? ctx.store.createClient()
        ctx.store.createSession(user.id, client)
        return sendHtml(res, 200, page('Signed in', `<h1>Signed in</h1><p>Signed in as ${escapeHtml(user.id)}. Open your app; its next handshake picks up this session.</p>`), {
          'Set-Cookie': clientCookie(ctx.store.clientCookieFor(client)),
        })
      }
      const existing = ctx.store.clientFromCookie(cookies.__client)
      signInBrowser(ctx, res, {
        userId: user.id,
        redirectUrl: target.url,
        ...(existing ? { client: existing } : {}),
        status: 303,
      })
    },
  },
  {
    method: 'GET',
    path: '/sign-out',
    kind: 'page',
    handler(ctx, { req, res, url, cookies }) {
      const target = resolveRedirect(ctx, req, url.searchParams.get('redirect_url'))
      if (target.error) return sendHtml(res, 400, page('Sign out', `<h1>Cannot sign out</h1><p>${escapeHtml(target.error)}</p>`))
      const client = ctx.store.clientFromCookie(cookies.__client)
      const session = client ? ctx.store.activeSessionOf(client) : undefined
      if (session) ctx.store.endSession(session, 'ended')
      if (!target.url) return sendHtml(res, 200, page('Signed out', '<h1>Signed out</h1>'))
      const devBrowserId = ctx.instance === 'development' ? ctx.store.newDevBrowser(client?.id ?? null) : undefined
      sendHandshake(ctx, res, {
        redirectUrl: target.url,
        directives: handshakeDirectives(ctx, devBrowserId ? { devBrowserId } : {}),
        format: 'token',
        ...(devBrowserId ? { devBrowserId } : {}),
      })
    },
  },
  {
    method: 'GET',
    path: '/v1/img/:file',
    kind: 'page',
    handler(ctx, { res, params }) {
      const user = ctx.store.users.get((params.file ?? '').replace(/\.svg$/, ''))
      const initials = user ? ([user.firstName?.[0], user.lastName?.[0]].filter(Boolean).join('') || (user.emails[0]?.email[0] ?? '?')).toUpperCase() : '?'
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#6c47ff"/><text x="32" y="40" font-family="sans-serif" font-size="24" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text></svg>`
      res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': Buffer.byteLength(svg) })
      res.end(svg)
    },
  },
]
