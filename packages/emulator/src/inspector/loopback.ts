import type { IncomingMessage } from 'node:http'

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1'
}

/**
 * Whether the request's `Host` names this emulator on a loopback name (`127.0.0.1`, `localhost`, `[::1]`)
 * and its port. A page on another host name that resolves to 127.0.0.1 (DNS rebinding) is refused.
 */
export function isLoopbackHost(host: string | undefined, port: string): boolean {
  if (!host) return false
  const wanted = host.toLowerCase()
  return [...LOOPBACK_HOSTNAMES].some((name) => wanted === `${name}:${port}`)
}

/** `https:` when the request came over the emulator's TLS side, else `http:`. */
export function requestScheme(req: IncomingMessage): 'http:' | 'https:' {
  return (req.socket as { encrypted?: boolean }).encrypted ? 'https:' : 'http:'
}

/** Whether `Origin` is this very origin (scheme, loopback host and port of the request). */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  return typeof origin === 'string' && origin === `${requestScheme(req)}//${req.headers.host ?? ''}`
}
