/**
 * Whether a URL's host is allowed: `example.com` matches that host exactly, `*.example.com` any
 * subdomain and the domain itself. A host may carry a port (`127.0.0.1:4010`); a pattern without one
 * matches any port. No list means any host.
 */
export function isAllowedUrl(url: string, allowedDomains: readonly string[] | undefined): boolean {
  if (allowedDomains === undefined) return true
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'about:' || parsed.protocol === 'data:') return true
  return allowedDomains.some((pattern) => {
    const [patternHost = '', patternPort] = pattern.toLowerCase().split(':')
    if (patternPort !== undefined && patternPort !== parsed.port) return false
    const host = parsed.hostname.toLowerCase()
    if (patternHost.startsWith('*.')) {
      const base = patternHost.slice(2)
      return host === base || host.endsWith(`.${base}`)
    }
    return host === patternHost
  })
}
