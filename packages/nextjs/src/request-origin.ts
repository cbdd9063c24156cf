import { hostHeaderOrigin } from '@agent-tasks/core/adapter'
import { headers } from 'next/headers.js'

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i

function sameHostOrigin(origin: string | null, host: string): string | undefined {
  if (origin === null) return undefined
  try {
    const url = new URL(origin)
    return url.host === host ? url.origin : undefined
  } catch {
    return undefined
  }
}

/**
 * The origin the browser addressed: the `Host` header, never `X-Forwarded-Host` (Next.js has no
 * setting that says a proxy is trusted; pin the `origin` option behind one). The protocol is the
 * route handler's own; in a Server Action, which has no request, it is the `Origin` header's (which
 * Next.js checked against `Host`), else `https` but on loopback hosts.
 */
export async function nextRequestOrigin(request: Request | undefined): Promise<string | undefined> {
  if (request !== undefined) return hostHeaderOrigin(request)
  const incoming = await headers()
  const host = incoming.get('host')
  if (host === null) return undefined
  return sameHostOrigin(incoming.get('origin'), host) ?? `${LOOPBACK_HOST.test(host) ? 'http' : 'https'}://${host}`
}
