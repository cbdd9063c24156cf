import { clerkClient, getAuth } from '@clerk/fastify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * The seed's hand-written Fastify route (`src/routes/example.ts`) at `path`, with one fix: it calls
 * `res.status(…).json(…)`, which a Fastify reply does not have, so it uses `.code(…).send(…)`.
 * `@clerk/fastify`'s `clerkClient` reads the `CLERK_*` environment when the module is imported; this
 * process starts with it.
 */
export const seedRoutes = (fastify: FastifyInstance, path: string) => {
  fastify.post(path, async (req: FastifyRequest, res: FastifyReply) => {
    const { isAuthenticated, userId } = getAuth(req)

    if (!isAuthenticated) {
      return res.code(401).send({ error: 'Unauthorized' })
    }

    const agentTask = await clerkClient.agentTasks.create({
      onBehalfOf: {
        userId,
      },
      permissions: '*',
      agentName: 'my-agent',
      taskDescription: 'Automated test login',
      redirectUrl: 'http://localhost:3000/dashboard',
    })

    res.code(200).send({ message: 'Agent Task created', agentTask })
  })
}
