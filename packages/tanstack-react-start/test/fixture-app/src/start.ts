import { clerkMiddleware } from '@clerk/tanstack-react-start/server'
import { createMiddleware, createStart } from '@tanstack/react-start'
import { agentTasks } from './agent-tasks'

const clerk = clerkMiddleware()
const clerkServer = clerk.options.server!
const guardServer = agentTasks.guard.options.server!
const skipped = (request: Request) => new URL(request.url).pathname.startsWith('/no-middleware/')

// Clerk's middleware, then the main instance's agent policy, on every request but /no-middleware/…,
// where the adapter must explain Clerk's is missing.
const clerkOutsideNoMiddleware = createMiddleware().server((args) => (skipped(args.request) ? args.next() : clerkServer(args)))
const guardOutsideNoMiddleware = createMiddleware().server((args) => (skipped(args.request) ? args.next() : guardServer(args)))

export const startInstance = createStart(() => ({ requestMiddleware: [clerkOutsideNoMiddleware, guardOutsideNoMiddleware] }))
