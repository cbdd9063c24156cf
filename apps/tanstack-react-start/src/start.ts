import { clerkMiddleware } from '@clerk/tanstack-react-start/server'
import { createStart } from '@tanstack/react-start'

// Clerk authenticates every request (pages, server functions, server routes) and runs its handshake.
export const startInstance = createStart(() => ({ requestMiddleware: [clerkMiddleware()] }))
