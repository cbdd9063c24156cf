import type { ConformanceTarget } from '@agent-tasks/conformance'
import type { Emulator } from '@agent-tasks/emulator'
import { type ClerkFastifyOptions, clerkPlugin } from '@clerk/fastify'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { createAgentTasksHandler } from '../src/index.js'

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

/** An app that parses JSON its own way, as many do (a custom reviver, a faster parser, …). */
export function addOwnJsonParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, { ...JSON.parse(body as string), parsedBy: 'app' })
    } catch (error) {
      done(error as Error)
    }
  })
}

/** A Fastify 5 app as users write it: `clerkPlugin`, then the agent-tasks plugin under a prefix. */
export function fastifyTarget(name: string, bodyParser: 'fastify default' | 'own JSON parser'): ConformanceTarget {
  return {
    name,
    async start(emulator, options) {
      const app = await appWithClerk(emulator)
      if (bodyParser === 'own JSON parser') addOwnJsonParser(app)
      await app.register(createAgentTasksHandler(options), { prefix: '/api/agent-tasks' })
      const running = await serve(app)
      return { ...running, basePath: '/api/agent-tasks' }
    },
  }
}
