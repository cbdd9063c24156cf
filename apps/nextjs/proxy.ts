import { clerkMiddleware } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
import { agentTasks } from './lib/agent-tasks'
import { clerkOptionsFromEnv } from './lib/clerk-options'
import { contentSecurityPolicy } from './lib/content-security-policy'

export default clerkMiddleware(async (auth, request) => {
  // The agent policy first: an agent session may not open /billing or /api/billing until you approve
  // it, nor use /api/agent-tasks; a `read-only` link's agent may only read.
  const refused = await agentTasks.guard(auth, request)
  if (refused) return refused
  const nonce = btoa(crypto.randomUUID())
  const policy = contentSecurityPolicy(nonce)
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('Content-Security-Policy', policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', policy)
  return response
}, clerkOptionsFromEnv())

export const config = {
  // Clerk's recommended matcher: every page and API route, not static files.
  matcher: [
    '/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',
    '/(api|trpc)(.*)',
  ],
}
