// Checked by `tsc -p tsconfig.json` (never run): createBrowserSessionTool takes each adapter's
// instance as its public `create` signature says, and refuses the wrong call shape at compile time.
import type { AgentTasks as AstroAgentTasks } from '@agent-tasks/astro'
import type { AgentTasks as ExpressAgentTasks } from '@agent-tasks/express'
import type { AgentTasks as FastifyAgentTasks } from '@agent-tasks/fastify'
import type { AgentTasks as NextAgentTasks } from '@agent-tasks/nextjs'
import type { AgentTasks as NuxtAgentTasks } from '@agent-tasks/nuxt/server'
import type { AgentTasks as ReactRouterAgentTasks } from '@agent-tasks/react-router'
import type { AgentTasks as TanStackAgentTasks } from '@agent-tasks/tanstack-react-start'
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { createBrowserSessionTool } from '../../src/server-tool/index.js'

/** The request object an instance's `create` takes first. */
type NativeOf<Instance extends { create(native: never, ...rest: never[]): unknown }> = Parameters<Instance['create']>[0]

export function registersOnEveryFramework(
  server: McpServer,
  instances: {
    express: ExpressAgentTasks
    fastify: FastifyAgentTasks
    astro: AstroAgentTasks
    nuxt: NuxtAgentTasks
    reactRouter: ReactRouterAgentTasks
    next: NextAgentTasks
    tanstack: TanStackAgentTasks
  },
  requests: {
    express: NativeOf<ExpressAgentTasks>
    fastify: NativeOf<FastifyAgentTasks>
    astro: NativeOf<AstroAgentTasks>
    nuxt: NativeOf<NuxtAgentTasks>
    reactRouter: NativeOf<ReactRouterAgentTasks>
  },
): void {
  server.registerTool(...createBrowserSessionTool(instances.express, requests.express))
  server.registerTool(...createBrowserSessionTool(instances.fastify, requests.fastify))
  server.registerTool(...createBrowserSessionTool(instances.astro, requests.astro))
  server.registerTool(...createBrowserSessionTool(instances.nuxt, requests.nuxt))
  server.registerTool(...createBrowserSessionTool(instances.reactRouter, requests.reactRouter))
  server.registerTool(...createBrowserSessionTool(instances.next))
  server.registerTool(...createBrowserSessionTool(instances.tanstack))

  // @ts-expect-error a request-bound instance needs the request the MCP call arrived on
  createBrowserSessionTool(instances.express)
  // @ts-expect-error another framework's request object
  createBrowserSessionTool(instances.express, requests.fastify)
  // @ts-expect-error Next.js's instance reads the current request itself
  createBrowserSessionTool(instances.next, new Request('http://127.0.0.1/mcp'))
  // @ts-expect-error TanStack Start's too
  createBrowserSessionTool(instances.tanstack, new Request('http://127.0.0.1/mcp'))
}
