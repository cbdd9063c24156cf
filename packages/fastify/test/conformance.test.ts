import { runConformanceSuite } from '@agent-tasks/conformance'
import { fastifyTarget } from './start-app.js'

runConformanceSuite(fastifyTarget('Fastify 5', 'fastify default'))
