import { AgentTaskError, type AgentTasks } from '@agent-tasks/core'
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import fastifyPlugin from 'fastify-plugin'
import { missingClerkPlugin } from './auth.js'
import { handleFastifyRequest } from './handle.js'

const PLUGIN_NAME = '@agent-tasks/fastify'
const CLERK_PLUGIN_NAME = '@clerk/fastify'

const MISSING_PREFIX =
  '@agent-tasks/fastify must be registered with a prefix, e.g. `fastify.register(createAgentTasksHandler(), { prefix: "/api/agent-tasks" })`.'

/** Registers the contract's routes in `instance`, an encapsulated context of the app. */
export async function registerContract(instance: FastifyInstance, agentTasks: AgentTasks<FastifyRequest>): Promise<void> {
  if (instance.prefix === '') throw new AgentTaskError('misconfigured', MISSING_PREFIX)
  // Checked once every plugin is loaded (clerkPlugin's hook also covers these routes when it is
  // registered later on the same app), so a missing plugin fails `fastify.ready()` with the fix rather
  // than every request. fastify-plugin's `dependencies` would insist on an order, with no fix shown.
  instance.addHook('onReady', async () => {
    if (!instance.hasPlugin(CLERK_PLUGIN_NAME)) throw missingClerkPlugin()
  })

  // Core reads the body itself (size limit, media type, JSON errors as problem+json), and only once
  // the caller is known: every body passes through unread. Encapsulated, so the app's own parsers
  // stay as they are everywhere else.
  instance.removeAllContentTypeParsers()
  instance.addContentTypeParser('*', (_request, payload, done) => {
    done(null, payload)
  })

  // Every method: core answers 405 with `Allow: POST` itself.
  instance.all('/', (request, reply) => handleFastifyRequest(agentTasks, request, reply, '/'))
  instance.all<{ Params: { agentTaskId: string } }>('/:agentTaskId/revoke', (request, reply) =>
    handleFastifyRequest(agentTasks, request, reply, `/${encodeURIComponent(request.params.agentTaskId)}/revoke`),
  )
}

/**
 * fastify-plugin metadata: Fastify checks the version range (no FST_ERR_PLUGIN_VERSION_MISMATCH on
 * Fastify 5), and `encapsulate: true` keeps the plugin its own context so `prefix` applies and the
 * pass-through body parser stays inside it.
 */
export function withPluginMetadata<Options extends object>(plugin: FastifyPluginAsync<Options>): FastifyPluginAsync<Options> {
  return fastifyPlugin(plugin, { name: PLUGIN_NAME, fastify: '5.x', encapsulate: true })
}
