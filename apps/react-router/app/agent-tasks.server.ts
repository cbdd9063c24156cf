import { createAgentTasks } from '@agent-tasks/react-router'

/** The app's one agent-tasks instance: the API route uses it, and so could any loader or action (`agentTasks.create(args)`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
  // The agent policy (the guard in app/root.tsx enforces it). Unset, it is the built-in one: a
  // `read-only` scope a link may be minted with, and agents must ask you before opening /billing,
  // /account or their /api/ twins. For example, to refuse billing outright instead of asking:
  // policy: { defaultPolicy: [{ effect: 'deny', paths: ['/billing/**', '/api/billing/**'] }] },
})
