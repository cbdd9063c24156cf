import { runConformanceSuite } from '@agent-tasks/conformance'
import { reactRouterTarget } from './support/react-router-target.js'

// The built fixture app (react-router build + react-router-serve) with Clerk's real middleware.
runConformanceSuite(reactRouterTarget('React Router 8, react-router-serve'))
