import { createAgentTasks } from '@agent-tasks/tanstack-react-start'

/** The app's one agent-tasks instance: the API route uses it, and so could any server function (`agentTasks.create()`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
  // The agent policy (the guard in src/start.ts enforces it). Unset, it is the built-in one: a
  // `read-only` scope a link may be minted with, and agents must ask you before opening /billing,
  // /account or their /api/ twins. For example, to refuse billing outright instead of asking:
  // policy: { defaultPolicy: [{ effect: 'deny', paths: ['/billing/**', '/api/billing/**'] }] },
})
