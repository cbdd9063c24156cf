/** The second argument Next.js passes to route handlers. */
export interface AgentTasksRouteContext {
  params?: Promise<Partial<Record<string, string | string[]>>> | undefined
}

/** A Next.js App Router route handler. */
export type AgentTasksRouteHandler = (request: Request, context?: AgentTasksRouteContext) => Promise<Response>

/**
 * The path below the route's mount point: the URL's last segments, as many as the route's
 * catch-all (`[[...path]]`) matched; `/` when there is none. Taken from the raw URL so that
 * encoded characters reach validation as the client sent them.
 */
export async function pathBelowMount(request: Request, context: AgentTasksRouteContext | undefined): Promise<string> {
  const params = (await context?.params) ?? {}
  const catchAll = Object.values(params).find((value) => Array.isArray(value))
  if (catchAll === undefined || catchAll.length === 0) return '/'
  const segments = new URL(request.url).pathname.split('/').filter((segment) => segment !== '')
  return `/${segments.slice(-catchAll.length).join('/')}`
}
