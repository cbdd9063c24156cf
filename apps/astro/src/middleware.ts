import { clerkMiddleware } from '@clerk/astro/server'
import { getSecret } from 'astro:env/server'
import { sequence } from 'astro:middleware'
import { agentTasks } from './agent-tasks'

// @clerk/astro does not read CLERK_JWT_KEY itself: given, session tokens verify without fetching the JWKS.
// `getSecret` reads it when the server runs (and from .env under `astro dev`).
const jwtKey = getSecret('CLERK_JWT_KEY')

// Clerk's middleware, then the agent policy on every page and endpoint: an agent session may not open
// /billing or /api/billing until you approve it, nor use /api/agent-tasks; a `read-only` link's agent may only read.
// `signInUrl`: this app's own page (Clerk's <SignIn />), whatever PUBLIC_CLERK_SIGN_IN_URL says.
export const onRequest = sequence(clerkMiddleware({ signInUrl: '/sign-in', ...(jwtKey ? { jwtKey } : {}) }), agentTasks.guard)
