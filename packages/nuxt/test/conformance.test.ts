import { runConformanceSuite } from '@agent-tasks/conformance'
import { nuxtTarget } from './support/nuxt-target.js'

// The built fixture app (nuxt build, Nitro's node-server preset) with @clerk/nuxt's real middleware.
runConformanceSuite(nuxtTarget('Nuxt 4, Nitro node-server'))
