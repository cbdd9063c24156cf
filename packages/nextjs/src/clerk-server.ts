type ClerkNextServer = typeof import('@clerk/nextjs/server')

let loading: Promise<ClerkNextServer> | undefined

/**
 * `@clerk/nextjs/server`, loaded on first use. Its ESM build only loads inside a bundler (Next.js),
 * so importing it lazily keeps this package importable from plain Node (tests, tooling).
 */
export function clerkNextServer(): Promise<ClerkNextServer> {
  loading ??= import('@clerk/nextjs/server')
  return loading
}
