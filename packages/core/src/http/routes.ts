import type { AgentTaskAction } from '../types.js'

/** The path below the mount point where Clerk's webhooks are received (`POST {base}/clerk-webhook`). */
export const CLERK_WEBHOOK_PATH = '/clerk-webhook'

/**
 * The contract's routes, relative to the mount point. The one place paths are written: adapters whose
 * router needs patterns register these, and every request is matched again by `matchRoute`.
 */
export const contractRoutes = [
  { action: 'create', method: 'POST', pattern: '/' },
  { action: 'list', method: 'GET', pattern: '/' },
  { action: 'revoke-all', method: 'POST', pattern: '/revoke-all' },
  { action: 'revoke', method: 'POST', pattern: '/:agentTaskId/revoke' },
  { action: 'list-approvals', method: 'GET', pattern: '/approvals' },
  { action: 'approve', method: 'POST', pattern: '/approvals/:approvalId/approve' },
  { action: 'decline', method: 'POST', pattern: '/approvals/:approvalId/decline' },
  { action: 'clerk-webhook', method: 'POST', pattern: CLERK_WEBHOOK_PATH },
] as const satisfies ReadonlyArray<{ action: AgentTaskAction | 'clerk-webhook'; method: 'GET' | 'POST'; pattern: string }>

/** Each path of the contract once, for routers that register paths for every method (Express, Fastify). */
export const contractPatterns: readonly string[] = [...new Set(contractRoutes.map((route) => route.pattern))]

export type ContractRoute =
  | { action: 'create' | 'list'; allow: 'GET, POST' }
  | { action: 'revoke-all'; allow: 'POST' }
  | { action: 'revoke'; agentTaskId: string; allow: 'POST' }
  | { action: 'list-approvals'; allow: 'GET' }
  | { action: 'approve' | 'decline'; approvalId: string; allow: 'POST' }
  | { action: 'clerk-webhook'; allow: 'POST' }

const AT_ROOT = { allow: 'GET, POST' } as const

/**
 * Matches a request below the mount point: `GET /` lists, `POST /` mints, `POST /revoke-all` ends all
 * agent access, `POST /{id}/revoke` revokes, `GET /approvals` lists the person's pending approval
 * requests, `POST /approvals/{id}/approve` and `/decline` answer one, `POST /clerk-webhook` receives Clerk's
 * webhooks; `undefined` for any other path. Any other method on a
 * known path matches the path's POST route: the caller answers 405 with `allow`.
 */
export function matchRoute(relativePath: string, method = 'POST'): ContractRoute | undefined {
  const segments = relativePath.split('/').filter((segment) => segment !== '')
  if (segments.length === 0) return { action: method === 'GET' ? 'list' : 'create', ...AT_ROOT }
  const [first, verb, third] = segments
  if (segments.length === 1 && first === 'revoke-all') return { action: 'revoke-all', allow: 'POST' }
  if (segments.length === 1 && first === 'approvals') return { action: 'list-approvals', allow: 'GET' }
  if (segments.length === 1 && first === 'clerk-webhook') return { action: 'clerk-webhook', allow: 'POST' }
  if (segments.length === 2 && verb === 'revoke' && first !== undefined) return { action: 'revoke', agentTaskId: first, allow: 'POST' }
  if (segments.length === 3 && first === 'approvals' && verb !== undefined && (third === 'approve' || third === 'decline')) {
    return { action: third, approvalId: verb, allow: 'POST' }
  }
  return undefined
}

/** Whether a request below the mount point is for the webhook route, which Clerk calls server to server: no user, no origin check. */
export function isClerkWebhookPath(relativePath: string | undefined): boolean {
  return relativePath?.includes('clerk-webhook') === true && matchRoute(relativePath)?.action === 'clerk-webhook'
}

/** The part of `pathname` below `basePath`, or `undefined` when the request is elsewhere. */
export function pathBelow(pathname: string, basePath: string): string | undefined {
  if (basePath === '') return pathname
  if (pathname === basePath) return '/'
  if (pathname.startsWith(`${basePath}/`)) return pathname.slice(basePath.length)
  return undefined
}

/**
 * The path below a catch-all route's mount point: the pathname's last segments, as many as the
 * catch-all matched (`rest`: its value, slash-joined or the framework's array); `/` when it matched
 * none. From the raw pathname, so encoded characters reach validation as the client sent them.
 */
export function pathBelowCatchAll(pathname: string, rest: string | readonly string[] | undefined): string {
  const count = (typeof rest === 'string' ? rest.split('/') : (rest ?? [])).filter((segment) => segment !== '').length
  if (count === 0) return '/'
  const segments = pathname.split('/').filter((segment) => segment !== '')
  return `/${segments.slice(-count).join('/')}`
}
