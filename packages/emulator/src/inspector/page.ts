import { createHash } from 'node:crypto'
import type { EmulatorContext } from '../context.js'
import type { AgentTaskRecord, SessionRecord, UserRecord } from '../state/records.js'
import type { WebhookDelivery } from '../types.js'
import { html, SafeHtml } from './html.js'

const STYLE = `body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1f2933;font-size:14px}
h1{font-size:1.3rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:1.75rem 0 .5rem}
p.meta,p.note,td small{color:#616e7c}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e4e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{font-weight:600;background:#f5f7fa}code{font-size:12px;word-break:break-all}
.badge{display:inline-block;padding:0 .4rem;border-radius:.5rem;font-size:12px;background:#e4e7eb}
.agent{background:#ffe3a3}.active,.pending,.ok{background:#c6f7e2}.revoked,.failed{background:#ffd0d0}
.notice{padding:.5rem .75rem;background:#e6f6ff;border-radius:.4rem}
form{display:inline}button{font:inherit;padding:.1rem .5rem;cursor:pointer}`

/** `Content-Security-Policy`: no scripts, no external anything; the one inline style allowed by its hash. */
export const INSPECTOR_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ')

/** What a finished action says after its redirect (fixed texts: nothing from the URL is echoed). */
const NOTICES: Record<string, string> = {
  revoked: 'The agent task was revoked: its link no longer works.',
  ended: 'The session was ended (revoked): its tokens are no longer issued.',
}

export interface InspectorView {
  ctx: EmulatorContext
  /** Put in every form; absent for Bearer (curl) viewers, who post without forms. */
  csrfToken?: string
  notice?: string | null
}

const time = (ms: number | null | undefined): SafeHtml =>
  ms === null || ms === undefined ? html`—` : html`<time datetime="${new Date(ms).toISOString()}">${new Date(ms).toISOString()}</time>`

const json = (value: unknown): SafeHtml => {
  const text = JSON.stringify(value)
  return text === '{}' || text === undefined ? html`` : html`<code>${text}</code>`
}

function button(action: string, label: string, csrfToken: string | undefined): SafeHtml {
  return html`<form method="post" action="${action}">${csrfToken ? html`<input type="hidden" name="csrf" value="${csrfToken}">` : ''}<button type="submit">${label}</button></form>`
}

function userLabel(ctx: EmulatorContext, userId: string): SafeHtml {
  const user = ctx.store.users.get(userId)
  if (!user) return html`<code>${userId}</code> <small>(deleted)</small>`
  const email = user.emails.find((e) => e.id === user.primaryEmailAddressId)?.email ?? user.username ?? ''
  return html`${email}<br><small><code>${userId}</code></small>`
}

function usersTable(users: UserRecord[]): SafeHtml {
  if (users.length === 0) return html`<p class="note">No users.</p>`
  return html`<table><thead><tr><th>User</th><th>Name</th><th>Emails</th><th>Username</th><th>Password</th><th>Metadata (public · private · unsafe)</th><th>Created</th><th>Last sign-in</th></tr></thead><tbody>
${users.map(
  (u) => html`<tr><td><code>${u.id}</code></td><td>${[u.firstName, u.lastName].filter(Boolean).join(' ')}</td><td>${u.emails.map(
    (e, i) => html`${i > 0 ? html`<br>` : ''}${e.email}${e.id === u.primaryEmailAddressId ? html` <small>(primary)</small>` : ''}`,
  )}</td><td>${u.username ?? ''}</td><td>${u.passwordHash ? 'set' : '—'}</td><td>${json(u.publicMetadata)} ${json(u.privateMetadata)} ${json(u.unsafeMetadata)}</td><td>${time(u.createdAt)}</td><td>${time(u.lastSignInAt)}</td></tr>
`,
)}</tbody></table>`
}

function sessionsTable(ctx: EmulatorContext, sessions: SessionRecord[], csrfToken: string | undefined): SafeHtml {
  if (sessions.length === 0) return html`<p class="note">No sessions.</p>`
  return html`<table><thead><tr><th>Session</th><th>User</th><th>Status</th><th>Agent</th><th>Client</th><th>Created</th><th>Last active</th><th>Expires</th><th></th></tr></thead><tbody>
${sessions.map((s) => {
  const agent =
    s.actor?.type === 'agent'
      ? html`<span class="badge agent">agent</span> <code>${String(s.actor.sub ?? '')}</code><br><small>task <code>${s.agentTaskId ?? String(s.actor.task_id ?? '')}</code></small>`
      : s.actor
        ? html`<span class="badge">actor</span> ${json(s.actor)}`
        : ''
  const end = s.status === 'active' ? button(`/_emulator/sessions/${encodeURIComponent(s.id)}/end`, 'End', csrfToken) : ''
  return html`<tr><td><code>${s.id}</code></td><td>${userLabel(ctx, s.userId)}</td><td><span class="badge ${s.status}">${s.status}</span></td><td>${agent}</td><td><code>${s.clientId}</code></td><td>${time(s.createdAt)}</td><td>${time(s.lastActiveAt)}</td><td>${time(s.expireAt)}</td><td>${end}</td></tr>
`
})}</tbody></table>`
}

function agentTasksTable(ctx: EmulatorContext, tasks: AgentTaskRecord[], csrfToken: string | undefined): SafeHtml {
  if (tasks.length === 0) return html`<p class="note">No agent tasks.</p>`
  return html`<table><thead><tr><th>Agent task</th><th>Agent</th><th>On behalf of</th><th>Status</th><th>Description</th><th>Redirect</th><th>Session</th><th>Created</th><th>Updated</th><th></th></tr></thead><tbody>
${tasks.map((t) => {
  const revoke = t.status === 'pending' ? button(`/_emulator/agent-tasks/${encodeURIComponent(t.id)}/revoke`, 'Revoke', csrfToken) : ''
  return html`<tr><td><code>${t.id}</code></td><td>${t.agentName}<br><small><code>${t.agentId}</code></small></td><td>${userLabel(ctx, t.userId)}</td><td><span class="badge ${t.status}">${t.status}</span></td><td>${t.taskDescription}</td><td><code>${t.redirectUrl}</code></td><td>${t.sessionId ? html`<code>${t.sessionId}</code>` : '—'}</td><td>${time(t.createdAt)}</td><td>${time(t.updatedAt)}</td><td>${revoke}</td></tr>
`
})}</tbody></table>`
}

function webhooksSection(deliveries: ReadonlyArray<WebhookDelivery> | undefined): SafeHtml {
  if (deliveries === undefined) {
    // Filled when the context exposes `admin.webhookDeliveries` (src/webhooks/ wires it in emulator.ts).
    return html`<p class="note" id="webhooks-unavailable">Webhook deliveries are not available in this emulator.</p>`
  }
  if (deliveries.length === 0) return html`<p class="note">No webhook deliveries yet (start the emulator with a webhook URL to send them).</p>`
  const last = deliveries.slice(-50).reverse()
  return html`<p class="note">The last ${last.length} of ${deliveries.length} attempts, newest first.</p><table><thead><tr><th>When</th><th>Event</th><th>svix-id</th><th>Attempt</th><th>Result</th></tr></thead><tbody>
${last.map(
  (d) =>
    html`<tr><td>${time(d.at)}</td><td>${d.eventType}</td><td><code>${d.svixId}</code></td><td>${d.attempt}</td><td><span class="badge ${d.ok ? 'ok' : 'failed'}">${d.ok ? 'ok' : 'failed'}</span> ${d.status ?? ''} ${d.error ?? ''}</td></tr>
`,
)}</tbody></table>`
}

/** The whole inspector page. Every value from the state goes through `html`'s escaping. */
export function renderInspector({ ctx, csrfToken, notice }: InspectorView): string {
  const users = [...ctx.store.users.values()]
  const sessions = ctx.store.listSessions().sort((a, b) => b.createdAt - a.createdAt)
  const tasks = [...ctx.store.agentTasks.values()].sort((a, b) => b.createdAt - a.createdAt)
  const noticeText = notice ? NOTICES[notice] : undefined
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inspector · Clerk emulator</title><style>${new SafeHtml(STYLE)}</style></head><body>
<h1>Clerk emulator inspector</h1>
<p class="meta">${ctx.instance} instance at <code>${ctx.url}</code> · publishable key <code>${ctx.publishableKey}</code> · ${users.length} users, ${sessions.length} sessions, ${tasks.length} agent tasks</p>
${noticeText ? html`<p class="notice" role="status">${noticeText}</p>` : ''}
<h2 id="users">Users</h2>${usersTable(users)}
<h2 id="sessions">Sessions</h2>${sessionsTable(ctx, sessions, csrfToken)}
<h2 id="agent-tasks">Agent tasks</h2>${agentTasksTable(ctx, tasks, csrfToken)}
<h2 id="webhooks">Webhook deliveries</h2>${webhooksSection(ctx.admin?.webhookDeliveries?.())}
</body></html>`.value
}
