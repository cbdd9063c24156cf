import { pathBelowCatchAll } from '@agent-tasks/core/adapter'

/** The second argument Next.js passes to route handlers. */
export interface AgentTasksRouteContext {
  params?: Promise<Partial<Record<string, string | string[]>>> | undefined
}

/** A Next.js App Router route handler. */
export type AgentTasksRouteHandler = (request: Request, context?: AgentTasksRouteContext) => Promise<Response>

/** The path below the route's mount point, by its catch-all (`[[...path]]`). */
export async function pathBelowMount(request: Request, context: AgentTasksRouteContext | undefined): Promise<string> {
  const params = (await context?.params) ?? {}
  const catchAll = Object.values(params).find((value) => Array.isArray(value))
  return pathBelowCatchAll(new URL(request.url).pathname, catchAll)
}
