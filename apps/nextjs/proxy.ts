import { clerkMiddleware } from '@clerk/nextjs/server'
import { agentTasks } from './lib/agent-tasks'
import { clerkOptionsFromEnv } from './lib/clerk-options'
import { contentSecurityPolicy } from './lib/content-security-policy'

// The agent policy first: an agent session may not open /billing or /api/billing until you approve
// it, nor use /api/agent-tasks; a `read-only` link's agent may only read. Clerk adds the
// Content-Security-Policy (with its nonce) to every response, refusals included.
export default clerkMiddleware(async (auth, request) => agentTasks.guard(auth, request), {
  ...clerkOptionsFromEnv(),
  contentSecurityPolicy: contentSecurityPolicy(),
})

export const config = {
  // Clerk's recommended matcher: every page and API route, not static files.
  matcher: [
    '/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',
    '/(api|trpc)(.*)',
  ],
}
