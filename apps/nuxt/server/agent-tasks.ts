import { createAgentTasks } from '@agent-tasks/nuxt/server'

/** The app's one agent-tasks instance: the module mounts it, and server routes use it as `#agent-tasks`. */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
  // The agent policy (the module's guard enforces it, `guard: true` in nuxt.config.ts). Unset, it is
  // the built-in one: a `read-only` scope a link may be minted with, and agents must ask you before
  // opening /billing, /account or their /api/ twins. For example, to refuse billing outright instead:
  // policy: { defaultPolicy: [{ effect: 'deny', paths: ['/billing/**', '/api/billing/**'] }] },
})
