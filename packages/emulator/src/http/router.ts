import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from '../context.js'

/** Which surface a route belongs to: Backend API (secret key, rate limit), Frontend API, or emulator pages. */
export type RouteKind = 'bapi' | 'fapi' | 'page'

export interface RequestInfo {
  req: IncomingMessage
  res: ServerResponse
  method: string
  url: URL
  cookies: Record<string, string>
  params: Record<string, string>
}

export type Handler = (ctx: EmulatorContext, request: RequestInfo) => void | Promise<void>

export interface Route {
  method: string
  path: string
  kind: RouteKind
  handler: Handler
}

interface CompiledRoute extends Route {
  pattern: RegExp
  names: string[]
}

/** Minimal method + path router with `:param` segments. */
export class Router {
  private readonly routes: CompiledRoute[] = []

  add(...routes: Route[]): this {
    for (const route of routes) {
      const names: string[] = []
      const source = route.path
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          names.push(segment.slice(1))
          return '([^/]+)'
        })
        .join('/')
      this.routes.push({ ...route, pattern: new RegExp(`^${source}$`), names })
    }
    return this
  }

  /** Finds the route for `method` + `path`; `allowed` is set when the path exists with other methods. */
  match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | { route: undefined; pathKnown: boolean } {
    let pathKnown = false
    for (const route of this.routes) {
      const m = route.pattern.exec(path)
      if (!m) continue
      if (route.method !== method) {
        pathKnown = true
        continue
      }
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '')
      })
      return { route, params }
    }
    return { route: undefined, pathKnown }
  }
}
