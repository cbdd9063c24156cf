import { clerkMiddleware } from '@clerk/astro/server'
import { defineMiddleware } from 'astro:middleware'

// @clerk/astro does not read CLERK_JWT_KEY itself: without it, tokens are checked against the JWKS.
const jwtKey = process.env.CLERK_JWT_KEY
const clerk = clerkMiddleware(jwtKey ? { jwtKey } : {})

// Clerk's middleware on every request but /no-middleware/…, where the adapter must explain it is missing.
export const onRequest = defineMiddleware((context, next) =>
  context.url.pathname.startsWith('/no-middleware/') ? next() : clerk(context, next),
)
