import { createAgentTasks, createMemoryStore } from '@agent-tasks/react-router'

/**
 * `pnpm bench` mints tens of thousands of links as one user through this app: with
 * AGENT_TASKS_LOAD_TEST=1 it turns the per-user limits off and keeps more records. Never in production.
 */
function loadTestOptions() {
  return process.env.AGENT_TASKS_LOAD_TEST === '1' ? { limits: false as const, store: createMemoryStore({ maxRecords: 1_000_000 }) } : {}
}

/** The app's one agent-tasks instance: the API route uses it, and so could any loader or action (`agentTasks.create(args)`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
  ...loadTestOptions(),
})
