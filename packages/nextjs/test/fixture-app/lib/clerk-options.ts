// The emulator's keys change on every run, so they reach Clerk at run time, from the environment the
// server starts with: Next.js inlines NEXT_PUBLIC_* at build time, and @clerk/nextjs reads neither
// CLERK_PUBLISHABLE_KEY nor CLERK_JWT_KEY nor CLERK_PROXY_URL by itself.
export function clerkOptionsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const options: { publishableKey?: string; jwtKey?: string; proxyUrl?: string; signInUrl?: string } = {}
  if (env.CLERK_PUBLISHABLE_KEY) options.publishableKey = env.CLERK_PUBLISHABLE_KEY
  if (env.CLERK_JWT_KEY) options.jwtKey = env.CLERK_JWT_KEY
  if (env.CLERK_PROXY_URL) options.proxyUrl = env.CLERK_PROXY_URL
  if (env.CLERK_SIGN_IN_URL) options.signInUrl = env.CLERK_SIGN_IN_URL
  return options
}
