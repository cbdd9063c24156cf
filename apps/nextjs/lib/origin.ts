import { headers } from 'next/headers'

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i
/** A host, optionally with a port: no path, query, fragment, credentials or whitespace. */
const HOST = /^[a-z0-9.\-[\]:]+$/i

/**
 * The app's public origin, for the links it builds: `APP_ORIGIN` when set (pin it in production),
 * else what the browser addressed — the `Host` header, never `X-Forwarded-Host`, which any client can
 * send. The protocol is `http` on loopback hosts and `https` elsewhere. `@agent-tasks/nextjs` derives
 * the origin the same way (given the same `origin` option, see `lib/agent-tasks.ts`). `undefined` when
 * the `Host` header is missing or malformed.
 */
export async function appOrigin(): Promise<string | undefined> {
  if (process.env.APP_ORIGIN) return new URL(process.env.APP_ORIGIN).origin
  const host = (await headers()).get('host')
  if (host === null || !HOST.test(host)) return undefined
  try {
    return new URL(`${LOOPBACK_HOST.test(host) ? 'http' : 'https'}://${host}`).origin
  } catch {
    return undefined
  }
}
