import { runConformanceSuite } from '@agent-tasks/conformance'
import { nextTarget } from './support/next-target.js'

// The built app (`next build` + `next start`), clerkMiddleware() in proxy.ts; the admin profile's
// route runs on the edge runtime.
runConformanceSuite(nextTarget('Next.js 16 App Router, next start'))
