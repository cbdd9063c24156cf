import { runConformanceSuite } from '@agent-tasks/conformance'
import { tanstackStartTarget } from './support/tanstack-start-target.js'

// The built fixture app (vite build + srvx) with Clerk's real request middleware.
runConformanceSuite(tanstackStartTarget('TanStack React Start 1.169, srvx'))
