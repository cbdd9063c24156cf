import { createAgentTasks, createMemoryStore } from '@agent-tasks/fastify'
import { clerkPlugin } from '@clerk/fastify'
import Fastify from 'fastify'
import { clerkOptionsFromEnv } from './fastify-clerk-options.ts'
import { seedRoutes } from './fastify-seed.ts'
import { announceListening, ROUTES } from './routes.ts'

// The seed's route has no per-user limits and remembers nothing: the same work here, limits off, with
// room for every link a run mints (the default memory store refuses new links once 10,000 are unused).
const SAME_WORK_AS_THE_SEED = { limits: false, store: createMemoryStore({ maxRecords: 1_000_000 }) } as const

// Forked by the bench with the emulator's CLERK_* environment.
const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' }, ...SAME_WORK_AS_THE_SEED })

const app = Fastify()
await app.register(clerkPlugin, clerkOptionsFromEnv())
seedRoutes(app, ROUTES.seed)
app.post(ROUTES.adapter, agentTasks.route)

await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
if (address === null || typeof address === 'string') throw new Error('no port')
announceListening(address.port)
