/**
 * Clerk's settings from the environment `next start` runs with (the emulator's keys change on every
 * run; Next.js would inline NEXT_PUBLIC_* at build time, and @clerk/nextjs reads neither
 * CLERK_PUBLISHABLE_KEY nor CLERK_JWT_KEY nor CLERK_PROXY_URL itself). As the sample app does.
 */
export function clerkOptionsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const options: { publishableKey?: string; jwtKey?: string; proxyUrl?: string } = {}
  if (env.CLERK_PUBLISHABLE_KEY) options.publishableKey = env.CLERK_PUBLISHABLE_KEY
  if (env.CLERK_JWT_KEY) options.jwtKey = env.CLERK_JWT_KEY
  if (env.CLERK_PROXY_URL) options.proxyUrl = env.CLERK_PROXY_URL
  return options
}
