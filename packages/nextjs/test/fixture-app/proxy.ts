import { clerkMiddleware } from '@clerk/nextjs/server'
import { agentTasks } from './lib/agent-tasks.js'
import { clerkOptionsFromEnv } from './lib/clerk-options.js'

// Clerk's middleware, and inside it the main instance's agent policy, as the README writes it.
export default clerkMiddleware((auth, request) => agentTasks.guard(auth, request), clerkOptionsFromEnv())

export const config = {
  // Clerk's recommended matcher, minus /no-middleware (where the adapter must explain the missing middleware).
  matcher: ['/((?!_next|no-middleware|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico)).*)'],
}
