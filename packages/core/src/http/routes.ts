import type { AgentTaskAction } from '../types.js'

/**
 * The contract's routes, relative to the mount point. The one place paths are written: adapters whose
 * router needs patterns register these, and every request is matched again by `matchRoute`.
 */
export const contractRoutes = [
  { action: 'create', pattern: '/' },
  { action: 'revoke', pattern: '/:agentTaskId/revoke' },
] as const satisfies ReadonlyArray<{ action: AgentTaskAction; pattern: string }>

export type ContractRoute = { action: 'create' } | { action: 'revoke'; agentTaskId: string }

/** Matches a path below the mount point: `/` → create, `/{id}/revoke` → revoke, else `undefined`. */
export function matchRoute(relativePath: string): ContractRoute | undefined {
  const segments = relativePath.split('/').filter((segment) => segment !== '')
  if (segments.length === 0) return { action: 'create' }
  const [agentTaskId, verb] = segments
  if (segments.length === 2 && verb === 'revoke' && agentTaskId !== undefined) return { action: 'revoke', agentTaskId }
  return undefined
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
