import { clerkMiddleware } from '@clerk/tanstack-react-start/server'
import { createMiddleware, createStart } from '@tanstack/react-start'
import { SIGN_IN_URL } from './sign-in-url'

// The agent policy: an agent session may not open /billing or /api/billing until you approve it, nor
// use /api/agent-tasks; a `read-only` link's agent may only read. It checks the request's path, so what
// /billing shows is not read through a server function (src/routes/billing.tsx says why).
// This file is in the browser bundle too: the instance (server code) is imported inside the server
// handler only, which the build leaves out of the browser's.
const agentPolicy = createMiddleware().server(async (args) => {
  const { agentTasks } = await import('./agent-tasks')
  const guard = agentTasks.guard.options.server
  if (!guard) throw new Error('agentTasks.guard has no server handler')
  return guard(args)
})

// Clerk authenticates every request (pages, server functions, server routes) and runs its handshake;
// then the agent policy checks agent sessions' requests.
export const startInstance = createStart(() => ({ requestMiddleware: [clerkMiddleware({ signInUrl: SIGN_IN_URL }), agentPolicy] }))
