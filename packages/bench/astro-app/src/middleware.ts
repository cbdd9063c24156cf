import { clerkMiddleware } from '@clerk/astro/server'

// Clerk's middleware as its docs install it, with the JWT key @clerk/astro does not read from the
// environment itself (the Astro sample app does the same).
const jwtKey = process.env.CLERK_JWT_KEY

export const onRequest = clerkMiddleware(jwtKey ? { jwtKey } : {})
