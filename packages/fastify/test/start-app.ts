import type { ConformanceTarget } from '@agent-tasks/conformance'
import { fixtureProgrammaticPath, fixtureRoutePath, guardedAnswer, guardedRoutes, programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { Emulator } from '@agent-tasks/emulator'
import { type ClerkFastifyOptions, clerkPlugin } from '@clerk/fastify'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify'
import { type AgentTasks, createAgentTasks } from '../src/index.js'

/**
 * `clerkPlugin`'s options for the emulator. `@clerk/fastify` reads the `CLERK_*` environment once, at
 * import (before a test starts its emulator), and its plugin ignores `CLERK_API_URL`: apps give the
 * plugin explicit options, as the sample app does.
 */
export function clerkOptions(emulator: Emulator): ClerkFastifyOptions {
  return {
    publishableKey: emulator.publishableKey,
    secretKey: emulator.secretKey,
    jwtKey: emulator.jwtKey,
    apiUrl: emulator.apiUrl,
    proxyUrl: emulator.url,
  }
}

/** A Fastify app with `clerkPlugin` registered for `emulator`, not yet listening. */
export async function appWithClerk(emulator: Emulator, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  // The adapter's own Clerk client reads CLERK_SECRET_KEY / CLERK_API_URL on first use.
  Object.assign(process.env, emulator.env)
  const app = Fastify(options)
  await app.register(clerkPlugin, clerkOptions(emulator))
  return app
}

export async function serve(app: FastifyInstance): Promise<{ origin: string; close(): Promise<void> }> {
  const origin = await app.listen({ port: 0, host: '127.0.0.1' })
  return { origin, close: () => app.close() }
}

/**
 * An app that parses JSON its own way, as many do (a custom reviver, a faster parser, …). With
 * `mark`, every parsed object says so (`parsedBy: "app"`), to show which parser ran.
 */
export function addOwnJsonParser(app: FastifyInstance, { mark = true } = {}): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      const value: unknown = JSON.parse(body as string)
      done(null, mark && typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, parsedBy: 'app' } : value)
    } catch (error) {
      done(error as Error)
    }
  })
}

/** App routes calling the instance's programmatic API, as `programmaticRoutes` describes. */
function programmaticRoutes(agentTasks: AgentTasks) {
  const answer = async (reply: FastifyReply, status: number, work: () => Promise<unknown>) => {
    const result = await programmaticAnswer(status, work)
    return reply.code(result.status).send(result.body)
  }
  return async (app: FastifyInstance) => {
    app.post<{ Body: object | undefined }>('/create', (request, reply) =>
      answer(reply, 201, async () => ({ agentTask: await agentTasks.create(request, request.body ?? {}) })),
    )
    app.post<{ Params: { agentTaskId: string } }>('/revoke/:agentTaskId', (request, reply) =>
      answer(reply, 200, async () => ({ agentTask: await agentTasks.revoke(request, request.params.agentTaskId) })),
    )
    app.get('/records', (request, reply) => answer(reply, 200, async () => ({ records: (await agentTasks.list(request)).data })))
    app.post('/revoke-all', (request, reply) => answer(reply, 200, () => agentTasks.revokeAll(request)))
  }
}

/** The app's own routes the suite's guard cases call (`guardedRoutes`). */
function addGuardedRoutes(app: FastifyInstance): void {
  app.get(guardedRoutes.billingPage, (_request, reply) => reply.type('text/html; charset=utf-8').send('<h1>Billing</h1>'))
  app.get(guardedRoutes.billingApi, async () => guardedAnswer('billing'))
  app.route({ method: ['GET', 'POST'], url: guardedRoutes.reports, handler: async () => guardedAnswer('reports') })
}

/**
 * A Fastify 5 app as users write it: `clerkPlugin`, then one agent-tasks instance mounted every way it
 * can be — the plugin under a prefix, the route helper on an app route, the programmatic API.
 */
export function fastifyTarget(name: string, bodyParser: 'fastify default' | 'own JSON parser'): ConformanceTarget {
  return {
    name,
    async start(emulator, options, { profile }) {
      const app = await appWithClerk(emulator)
      if (bodyParser === 'own JSON parser') addOwnJsonParser(app, { mark: false })
      const agentTasks = createAgentTasks(options)
      // One guard per app, as in the out-of-process fixtures: the main profile's. After clerkPlugin's
      // preHandler hook, in the same stage.
      if (profile === 'main') app.addHook('preHandler', agentTasks.guard)
      addGuardedRoutes(app)
      await app.register(agentTasks.handler, { prefix: '/api/agent-tasks' })
      app.post(fixtureRoutePath, agentTasks.route)
      await app.register(programmaticRoutes(agentTasks), { prefix: fixtureProgrammaticPath })
      const running = await serve(app)
      return { ...running, basePath: '/api/agent-tasks', routePath: fixtureRoutePath, programmaticPath: fixtureProgrammaticPath }
    },
    withoutClerk: {
      fix: 'fastify.register(clerkPlugin)',
      async start() {
        const app = Fastify()
        app.register(createAgentTasks().handler, { prefix: '/api/agent-tasks' })
        const startupError = await app.ready().then(
          () => undefined,
          (error: unknown) => error,
        )
        await app.close()
        return { startupError }
      },
    },
  }
}
