import { sendHtml } from '../../http/io.js'
import type { Route } from '../../http/router.js'
import { emailCodesOf } from './sign-in-state.js'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** `GET /email-codes`: the sign-in codes `<SignIn/>` asked for, since the emulator sends no email. */
export const emailCodesPageRoutes: Route[] = [
  {
    method: 'GET',
    path: '/email-codes',
    kind: 'page',
    handler(ctx, { res }) {
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
      )
    },
  },
]
