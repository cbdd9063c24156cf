import { clerkMiddleware } from '@clerk/tanstack-react-start/server'
import { createMiddleware, createStart } from '@tanstack/react-start'

const clerk = clerkMiddleware()
const clerkServer = clerk.options.server!

// Clerk's middleware on every request but /no-middleware/…, where the adapter must explain it is missing.
const clerkOutsideNoMiddleware = createMiddleware().server((args) =>
  new URL(args.request.url).pathname.startsWith('/no-middleware/') ? args.next() : clerkServer(args),
)

export const startInstance = createStart(() => ({ requestMiddleware: [clerkOutsideNoMiddleware] }))
