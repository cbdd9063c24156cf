import { clerkMiddleware } from '@clerk/astro/server'
import { getSecret } from 'astro:env/server'

// @clerk/astro does not read CLERK_JWT_KEY itself: given, session tokens verify without fetching the JWKS.
// `getSecret` reads it when the server runs (and from .env under `astro dev`).
const jwtKey = getSecret('CLERK_JWT_KEY')

export const onRequest = clerkMiddleware(jwtKey ? { jwtKey } : {})
