import type { ClerkFastifyOptions } from '@clerk/fastify'

/**
 * `clerkPlugin`'s options from the environment, as the Fastify sample app passes them: the plugin
 * ignores `CLERK_API_URL` and `CLERK_PROXY_URL`, so they must be given explicitly.
 */
export function clerkOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ClerkFastifyOptions {
  const options: ClerkFastifyOptions = {}
  if (env.CLERK_PUBLISHABLE_KEY) options.publishableKey = env.CLERK_PUBLISHABLE_KEY
  if (env.CLERK_SECRET_KEY) options.secretKey = env.CLERK_SECRET_KEY
  if (env.CLERK_JWT_KEY) options.jwtKey = env.CLERK_JWT_KEY
  if (env.CLERK_API_URL) options.apiUrl = env.CLERK_API_URL
  if (env.CLERK_PROXY_URL) options.proxyUrl = env.CLERK_PROXY_URL
  return options
}
