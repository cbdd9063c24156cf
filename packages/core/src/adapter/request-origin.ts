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
