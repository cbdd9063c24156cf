import { runConformanceSuite } from '@agent-tasks/conformance'
import { astroTarget } from './support/astro-target.js'

// The built fixture app (astro build, @astrojs/node standalone) with Clerk's real middleware.
runConformanceSuite(astroTarget('Astro 7, @astrojs/node standalone'))
