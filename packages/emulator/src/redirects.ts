import type { EmulatorContext } from './context.js'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Normalises an origin string (`https://App.Example.test/` → `https://app.example.test`). */
export function normalizeOrigin(origin: string): string {
  return new URL(origin).origin
}

/**
 * Whether the emulator may redirect a browser to `target`: loopback hosts on any port,
 * the emulator itself, and the configured `allowedRedirectOrigins`.
 */
export function isAllowedRedirect(ctx: EmulatorContext, target: string): boolean {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost')) return true
  return url.origin === ctx.url || ctx.allowedRedirectOrigins.has(url.origin)
}

/** Whether `url` points at a loopback host. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost')
}
