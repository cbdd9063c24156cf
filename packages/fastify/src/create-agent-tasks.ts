import { AgentTaskError } from '@agent-tasks/core'
import { type AdapterOptions, type AgentTasksBase, contractPatterns, createAdapterKit, envClerkClient } from '@agent-tasks/core/adapter'
import { nodeContractRequest } from '@agent-tasks/core/node'
import { getAuth } from '@clerk/fastify'
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import fastifyPlugin from 'fastify-plugin'
import { bodyOf } from './body-of.js'

/**
 * Options of `createAgentTasks`: those of `@agent-tasks/core`. Without `clerkClient` or `secretKey`,
 * links are minted with a Clerk client built on first use from `CLERK_SECRET_KEY` and `CLERK_API_URL`.
 */
export type AgentTasksOptions = AdapterOptions<FastifyRequest>

/** A Fastify route handler. */
export type AgentTasksRouteHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>

/** One instance per app: every helper shares its store, hooks and `authorize`. */
export interface AgentTasks extends AgentTasksBase<FastifyRequest> {
  /** The whole HTTP contract as a plugin: `fastify.register(agentTasks.handler, { prefix: '/api/agent-tasks' })`. */
  handler: FastifyPluginAsync
  /** One route that mints a link, for an app that keeps its own path: `fastify.post('/createAgentTask', agentTasks.route)`. */
  route: AgentTasksRouteHandler
  /**
   * The agent policy on every request of the app, as a hook: `fastify.addHook('preHandler', agentTasks.guard)`
   * after `clerkPlugin` (whose hook runs in `preHandler` unless its `hookName` says `onRequest`: the guard
   * goes in the same hook or a later one). A person's request (and an agent's the policy allows) goes
   * on; an agent's refused one is answered 403 `agent_action_forbidden` (problem+json, or a small page
   * for a page navigation), or 503 when the ledger cannot be read.
   */
  guard: AgentTasksGuardHook
}

/** A Fastify `onRequest` / `preHandler` hook: the reply it sent, or nothing to go on. */
export type AgentTasksGuardHook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>

const MISSING_CLERK_PLUGIN =
  'Register clerkPlugin from @clerk/fastify on the app, or on a context enclosing the agent-tasks routes: `await fastify.register(clerkPlugin)`, then `await fastify.register(agentTasks.handler, { prefix: "/api/agent-tasks" })`.'
const MISSING_PREFIX =
  '@agent-tasks/fastify must be registered with a prefix, e.g. `fastify.register(agentTasks.handler, { prefix: "/api/agent-tasks" })`.'

const fastifyAdapter = {
  name: '@agent-tasks/fastify',
  missingMiddlewareFix: MISSING_CLERK_PLUGIN,
  // clerkPlugin decorates every request with `auth` and fills it in its hook.
  readAuth: (request: FastifyRequest) => ((request as { auth?: unknown }).auth ? getAuth(request) : undefined),
  // Fastify applies its `trustProxy` setting to both.
  requestOrigin: (request: FastifyRequest) => `${request.protocol}://${request.host}`,
  // `@clerk/fastify`'s own clients are no good here: its `clerkClient` reads the environment once, when
  // the module is imported (often before `.env` is loaded), and the client `clerkPlugin` builds ignores
  // `CLERK_API_URL`.
  clerkClient: envClerkClient('@agent-tasks/fastify'),
}

/**
 * Agent tasks for a Fastify 5 app, on `@clerk/fastify`.
 *
 * @example
 * const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } })
 * await fastify.register(clerkPlugin)
 * fastify.addHook('preHandler', agentTasks.guard) // the agent policy on every route
 * await fastify.register(agentTasks.handler, { prefix: '/api/agent-tasks' })
 * // elsewhere: const { url } = await agentTasks.create(request, { taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const kit = createAdapterKit(fastifyAdapter, options)

  async function serve(request: FastifyRequest, reply: FastifyReply, path: string): Promise<FastifyReply> {
    const response = await kit.respond(request, nodeContractRequest(request.raw, { path, ...bodyOf(request) }))
    return reply.code(response.status).headers(response.headers).send(response.body)
  }

  async function registerContract(instance: FastifyInstance): Promise<void> {
    const { prefix } = instance
    if (prefix === '') throw new AgentTaskError('misconfigured', MISSING_PREFIX)
    // Checked once every plugin is loaded (clerkPlugin's hook also covers these routes when it is
    // registered later on the same app), so a missing plugin fails `fastify.ready()` with the fix
    // rather than every request.
    instance.addHook('onReady', async () => {
      if (instance.hasPlugin('@clerk/fastify')) return
      const message = `${fastifyAdapter.name}: clerkPlugin is not registered where the agent-tasks routes run. ${MISSING_CLERK_PLUGIN}`
      console.error(`[agent-tasks] ${message}`)
      throw new AgentTaskError('misconfigured', message)
    })
    // Core reads the body itself (size limit, deadline, media type, JSON errors as problem+json), and
    // only once the caller is known: every body passes through unread. Encapsulated, so the app's own
    // parsers stay as they are everywhere else.
    instance.removeAllContentTypeParsers()
    instance.addContentTypeParser('*', (_request, payload, done) => done(null, payload))
    for (const pattern of contractPatterns) {
      // Every method: core answers 405 with the path's `Allow` itself.
      instance.all(pattern, (request, reply) => serve(request, reply, (request.url.slice(prefix.length).split('?')[0] ?? '') || '/'))
    }
  }

  // `encapsulate: true` keeps the routes and the pass-through parser in their own context under the
  // prefix; the version range gives a clear error on other Fastify majors.
  const handler = fastifyPlugin(registerContract, { name: fastifyAdapter.name, fastify: '5.x', encapsulate: true })
  async function guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    // `request.url` is what Fastify routes (after `rewriteUrl`), query included.
    const refusal = await kit.guard(request, { method: request.method, path: request.url.split('?', 1)[0] ?? '/', accept: request.headers.accept })
    return refusal === undefined ? undefined : reply.code(refusal.status).headers(refusal.headers).send(refusal.body)
  }
  return kit.instance({ handler, route: (request: FastifyRequest, reply: FastifyReply) => serve(request, reply, '/'), guard })
}
