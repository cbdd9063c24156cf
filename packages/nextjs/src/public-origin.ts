/**
 * The origin the browser used, as Next.js itself judges it for Server Actions: `X-Forwarded-Host`
 * (which Next.js fills in from `Host`) and `X-Forwarded-Proto`. `request.url` is built from the
 * `-H`/`-p` the server was started with, which is not always what the browser sees (`next start`
 * without `-H`, containers, proxies).
 */
export function publicOrigin(headers: Headers, fallback?: string): string | undefined {
  const host = firstValue(headers.get('x-forwarded-host')) ?? firstValue(headers.get('host'))
  if (host === undefined) return fallback
  const forwardedProto = firstValue(headers.get('x-forwarded-proto'))
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : fallbackProtocol(fallback)
  try {
    return new URL(`${protocol}://${host}`).origin
  } catch {
    return fallback
  }
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(',')[0]?.trim()
  return value === undefined || value === '' ? undefined : value
}

function fallbackProtocol(fallback: string | undefined): string {
  return fallback?.startsWith('https:') ? 'https' : 'http'
}

/** `request`, with its URL moved to the public origin when Next.js built it from another one. */
export function withPublicOrigin(request: Request): Request {
  const url = new URL(request.url)
  const origin = publicOrigin(request.headers, url.origin)
  if (origin === undefined || origin === url.origin) return request
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null
  return new Request(new URL(`${url.pathname}${url.search}`, origin), {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
  } as RequestInit)
}
