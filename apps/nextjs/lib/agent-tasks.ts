import { createAgentTasks } from '@agent-tasks/nextjs'

/** The app's one agent-tasks instance: the route file uses it, and so could Server Actions (`agentTasks.create(input)`). */
export const agentTasks = createAgentTasks({
  // Pinned when APP_ORIGIN is set (read when the server starts; unset while `next build` runs), else
  // each request's Host header (never X-Forwarded-Host).
  ...(process.env.APP_ORIGIN ? { origin: process.env.APP_ORIGIN } : {}),
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
  // The agent policy (the guard in proxy.ts enforces it). Unset, it is the built-in one: a `read-only`
  // scope a link may be minted with, and agents must ask you before opening /billing, /account or
  // their /api/ twins. For example, to refuse billing outright instead of asking:
  // policy: { defaultPolicy: [{ effect: 'deny', paths: ['/billing/**', '/api/billing/**'] }] },
})
