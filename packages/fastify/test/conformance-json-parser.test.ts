import { runConformanceSuite } from '@agent-tasks/conformance'
import { fastifyTarget } from './start-app.js'

// The app registered its own application/json parser. The plugin's routes read bodies themselves
// (in their own encapsulated context), so even malformed JSON gets the contract's problem+json.
runConformanceSuite(fastifyTarget('Fastify 5 with its own JSON parser', 'own JSON parser'))
