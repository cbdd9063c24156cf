import { createAgentTasks } from '@agent-tasks/fastify'
import { clerkPlugin, getAuth } from '@clerk/fastify'
import Fastify, { type FastifyRequest } from 'fastify'
import { clerkOptionsFromEnv } from './fastify-clerk-options.ts'
import { seedRoutes } from './fastify-seed.ts'
import { adapterWork } from './adapter-options.ts'
import { announceListening, APP_ROUTE_ANSWER, GUARD_ROUTES, ROUTES } from './routes.ts'

// Forked by the bench with the emulator's CLERK_* environment.
const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' }, ...adapterWork() })

const app = Fastify()
await app.register(clerkPlugin, clerkOptionsFromEnv())
seedRoutes(app, ROUTES.seed)
app.post(ROUTES.adapter, agentTasks.route)
// An app's own route behind Clerk: it reads who is signed in, as a protected route does.
const appRoute = async (request: FastifyRequest) => ({ userId: getAuth(request).userId, ...APP_ROUTE_ANSWER })
app.get(GUARD_ROUTES.unguarded, appRoute)
app.get(GUARD_ROUTES.guarded, { preHandler: agentTasks.guard }, appRoute)

await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
if (address === null || typeof address === 'string') throw new Error('no port')
announceListening(address.port)
