import { clerkMiddleware } from '@clerk/astro/server'

// @clerk/astro does not read CLERK_JWT_KEY itself: given, session tokens verify without fetching the JWKS.
const jwtKey = process.env.CLERK_JWT_KEY

export const onRequest = clerkMiddleware(jwtKey ? { jwtKey } : {})
