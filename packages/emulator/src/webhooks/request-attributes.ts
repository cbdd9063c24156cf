import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingMessage } from 'node:http'

/** `event_attributes.http_request` of a Clerk webhook: who made the request that caused the event. */
export interface HttpRequestAttributes {
  client_ip: string
  user_agent: string
}

const scope = new AsyncLocalStorage<HttpRequestAttributes>()

/** Runs the handling of one emulator request with its client's IP and user agent at hand for webhook events. */
export function withRequestAttributes<T>(req: IncomingMessage, work: () => T): T {
  const ip = req.socket.remoteAddress ?? ''
  return scope.run({ client_ip: ip.startsWith('::ffff:') ? ip.slice(7) : ip, user_agent: req.headers['user-agent'] ?? '' }, work)
}

/** The request being handled; for a change made through the emulator's own API (`emulator.signIn`, seeding), none. */
export function currentRequestAttributes(): HttpRequestAttributes {
  return scope.getStore() ?? { client_ip: '', user_agent: '' }
}
