import { clerkMiddleware } from '@clerk/astro/server'
import { defineMiddleware, sequence } from 'astro:middleware'
import { agentTasks } from './agent-tasks'

// @clerk/astro does not read CLERK_JWT_KEY itself: without it, tokens are checked against the JWKS.
const jwtKey = process.env.CLERK_JWT_KEY
// Clerk's middleware, then the main instance's agent policy, as the README writes it.
const clerkThenGuard = sequence(clerkMiddleware(jwtKey ? { jwtKey } : {}), agentTasks.guard)

// Both on every request but /no-middleware/…, where the adapter must explain Clerk's is missing.
export const onRequest = defineMiddleware((context, next) =>
  context.url.pathname.startsWith('/no-middleware/') ? next() : clerkThenGuard(context, next),
)
