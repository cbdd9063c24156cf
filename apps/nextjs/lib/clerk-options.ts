/**
 * Clerk's settings, read when the server starts rather than when it is built: Next.js inlines
 * `NEXT_PUBLIC_*` variables at build time, and `@clerk/nextjs` reads neither `CLERK_PUBLISHABLE_KEY`
 * nor `CLERK_JWT_KEY` nor `CLERK_PROXY_URL` itself. So one build runs against any Clerk instance
 * (or the offline emulator, whose keys change on every start). `CLERK_SECRET_KEY` and
 * `CLERK_API_URL` are read by `@clerk/nextjs` at run time already.
 */
export function clerkOptionsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const options: { publishableKey?: string; jwtKey?: string; proxyUrl?: string; signInUrl?: string } = {}
  const publishableKey = env.CLERK_PUBLISHABLE_KEY ?? process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY
  if (publishableKey) options.publishableKey = publishableKey
  if (env.CLERK_JWT_KEY) options.jwtKey = env.CLERK_JWT_KEY
  // The emulator serves handshakes over http on 127.0.0.1; real Clerk needs no proxy URL.
  if (env.CLERK_PROXY_URL) options.proxyUrl = env.CLERK_PROXY_URL
  if (env.CLERK_SIGN_IN_URL) options.signInUrl = env.CLERK_SIGN_IN_URL
  return options
}
