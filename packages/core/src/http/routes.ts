export type AgentTaskRoute = { kind: 'create' } | { kind: 'revoke'; agentTaskId: string } | { kind: 'unknown' }

/** Matches a path relative to the mount point: `/` → create, `/{id}/revoke` → revoke. */
export function matchRoute(relativePath: string): AgentTaskRoute {
  const segments = relativePath.split('/').filter((segment) => segment !== '')
  if (segments.length === 0) return { kind: 'create' }
  if (segments.length === 2 && segments[1] === 'revoke' && segments[0] !== undefined) {
    return { kind: 'revoke', agentTaskId: segments[0] }
  }
  return { kind: 'unknown' }
}

/** The part of `pathname` below `basePath`, or `undefined` when the request is elsewhere. */
export function pathBelow(pathname: string, basePath: string): string | undefined {
  if (basePath === '') return pathname
  if (pathname === basePath) return '/'
  if (pathname.startsWith(`${basePath}/`)) return pathname.slice(basePath.length)
  return undefined
}
