import { ApiError } from '../../http/errors.js'
import { sendHtml, sendJson } from '../../http/io.js'
import type { Route } from '../../http/router.js'
import { escapeHtml } from '../../inspector/html.js'
import { isLoopbackHost } from '../../inspector/loopback.js'
import { emailCodesOf } from './sign-in-state.js'

/**
 * `GET /email-codes`: the sign-in codes `<SignIn/>` asked for, since the emulator sends no email. For
 * people; only under a loopback host name (a page on a rebinding domain cannot read the codes).
 * `GET /_emulator/email-codes`: the same as JSON, behind the secret key, for tests in another process.
 */
export const emailCodesPageRoutes: Route[] = [
  {
    method: 'GET',
    path: '/email-codes',
    kind: 'page',
    handler(ctx, { req, res }) {
      if (!isLoopbackHost(req.headers.host, new URL(ctx.url).port)) {
        throw ApiError.of(403, 'loopback_only', 'loopback only', 'The email codes page answers only on 127.0.0.1, localhost or [::1] with the emulator’s port.')
      }
      const rows = emailCodesOf(ctx.store)
        .map(
          (c) =>
            `<tr><td>${escapeHtml(c.email)}</td><td><code>${escapeHtml(c.code)}</code></td><td>${new Date(c.expiresAt).toISOString()}</td></tr>`,
        )
        .join('')
      const body = rows
        ? `<table><thead><tr><th>Email</th><th>Code</th><th>Expires</th></tr></thead><tbody>${rows}</tbody></table>`
        : '<p>No email codes yet. Choose “Email code” in &lt;SignIn/&gt; and reload this page.</p>'
      sendHtml(
        res,
        200,
        `<!doctype html><html><head><meta charset="utf-8"><title>Email codes — agent-tasks emulator</title></head><body style="font-family:sans-serif"><h1>Email codes</h1><p>The emulator sends no email: sign-in codes appear here.</p>${body}</body></html>`,
        { 'Cache-Control': 'no-store' },
      )
    },
  },
  {
    method: 'GET',
    path: '/_emulator/email-codes',
    kind: 'bapi',
    handler(ctx, { res }) {
      sendJson(res, 200, { object: 'list', data: emailCodesOf(ctx.store) }, { 'Cache-Control': 'no-store' })
    },
  },
]
