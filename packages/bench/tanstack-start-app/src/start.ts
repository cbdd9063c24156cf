import { clerkMiddleware } from '@clerk/tanstack-react-start/server'
import { createStart } from '@tanstack/react-start'

// Clerk's request middleware as its docs install it; it reads the emulator's CLERK_* environment.
export const startInstance = createStart(() => ({ requestMiddleware: [clerkMiddleware()] }))
