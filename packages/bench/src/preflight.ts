import { ROUTES, type RouteName } from './servers/routes.ts'

/**
 * One request of each kind to each route before any load, so a route that is wired wrong fails with
 * its answer rather than as thousands of unexpected statuses.
 */
export async function preflight(origin: string, token: string): Promise<void> {
  for (const route of Object.keys(ROUTES) as RouteName[]) {
    const post = (headers: Record<string, string>) =>
      fetch(`${origin}${ROUTES[route]}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' })

    const signedIn = await post({ authorization: `Bearer ${token}` })
    const body = await signedIn.text()
    let url: unknown
    try {
      url = (JSON.parse(body) as { agentTask?: { url?: unknown } }).agentTask?.url
    } catch {
      // reported below
    }
    if (!signedIn.ok || typeof url !== 'string') throw new Error(`${route} route, signed in: expected 2xx with agentTask.url, got ${signedIn.status}: ${body}`)

    const signedOut = await post({})
    if (signedOut.status !== 401) throw new Error(`${route} route, signed out: expected 401, got ${signedOut.status}: ${await signedOut.text()}`)
  }
}
