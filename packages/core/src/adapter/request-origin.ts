import { AgentTaskError } from '../errors.js'
import { normaliseOrigin } from '../validation/redirect-url.js'

const badHost = () =>
  new AgentTaskError('invalid_request', 'The Host header is not a valid host name.', {
    fields: [{ field: 'Host', message: 'is not a valid host name' }],
  })

/**
 * Checks the origin a framework derived from the request. Requests to one server nearly always carry
 * the same `Host`, so the last answer is kept.
 */
export function createOriginChecker(): (raw: string | undefined) => string {
  let lastRaw: string | undefined
  let lastOrigin = ''
  return (raw) => {
    if (raw === lastRaw && raw !== undefined) return lastOrigin
    const origin = raw === undefined ? undefined : normaliseOrigin(raw)
    if (origin === undefined || raw === undefined) throw badHost()
    lastRaw = raw
    lastOrigin = origin
    return origin
  }
}

/**
 * `protocol://host` as the browser addressed a Web `Request`: its `Host` header, never
 * `X-Forwarded-Host`, and the URL's protocol. For frameworks with no setting that marks a proxy as
 * trusted (behind one, the app pins the `origin` option). The kit checks the host.
 */
export function hostHeaderOrigin(request: Request): string {
  const host = request.headers.get('host')
  return host === null ? new URL(request.url).origin : `${new URL(request.url).protocol}//${host}`
}
