import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { type ClerkClient, createClerkClient } from '@clerk/backend'
import { type ClerkAPIResponseError, isClerkAPIResponseError } from '@clerk/backend/errors'
import { clerkMiddleware, getAuth } from '@clerk/express'
import express from 'express'
import type { Emulator } from '../src/index.js'

/**
 * A browser-like cookie jar for host 127.0.0.1. Like browsers, it ignores ports, so the app and the
 * emulator (both on 127.0.0.1) share cookies, as they would in a real browser.
 */
export class CookieJar {
  readonly cookies = new Map<string, string>()

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const maxAge = attrs.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith('max-age='))
      if (maxAge === 'max-age=0' || (value === '' && maxAge !== undefined)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}

export const DOCUMENT_HEADERS = { 'Sec-Fetch-Dest': 'document', Accept: 'text/html,application/xhtml+xml' }

export interface Hop {
  url: string
  status: number
  location: string | null
  setCookies: string[]
}

/** Requests `url` like a browser navigation, following up to `max` redirects by hand. */
export async function browse(
  url: string,
  jar: CookieJar,
  init: { method?: string; body?: string; headers?: Record<string, string>; max?: number } = {},
): Promise<{ hops: Hop[]; final: Response }> {
  const hops: Hop[] = []
  let current = url
  let method = init.method ?? 'GET'
  let body = init.body
  let extra = init.headers ?? {}
  for (let i = 0; i <= (init.max ?? 10); i++) {
    const res = await fetch(current, {
      method,
      redirect: 'manual',
      headers: { ...DOCUMENT_HEADERS, ...extra, ...(jar.cookies.size ? { Cookie: jar.header() } : {}) },
      ...(body !== undefined ? { body } : {}),
    })
    jar.store(res)
    const location = res.headers.get('location')
    hops.push({ url: current, status: res.status, location, setCookies: res.headers.getSetCookie() })
    if (res.status < 300 || res.status >= 400 || !location) return { hops, final: res }
    await res.arrayBuffer()
    current = new URL(location, current).toString()
    if (res.status === 303) {
      method = 'GET'
      body = undefined
      extra = {}
    }
  }
  throw new Error(`Too many redirects: ${hops.map((h) => `${h.status} ${h.url}`).join(' -> ')}`)
}

export interface TestApp {
  url: string
  close(): Promise<void>
}

/** A real Express 5 app behind the real clerkMiddleware(), reading its config from process.env. */
export async function startApp(): Promise<TestApp> {
  const app = express()
  app.use(clerkMiddleware())
  app.get('/{*path}', (req, res) => {
    const auth = getAuth(req)
    res.json({ path: req.path, userId: auth.userId ?? null, sessionId: auth.sessionId ?? null, actor: auth.actor ?? null })
  })
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Copies an emulator's env into process.env (clerkMiddleware reads it per request). */
export function useEnv(env: Readonly<Record<string, string>>): () => void {
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  return () => {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

/** Awaits a Clerk SDK call that must fail and returns the `ClerkAPIResponseError` it threw. */
export async function apiError(promise: Promise<unknown>): Promise<ClerkAPIResponseError> {
  try {
    await promise
  } catch (error) {
    if (isClerkAPIResponseError(error)) return error
    throw error
  }
  throw new Error('expected a ClerkAPIResponseError')
}

/** The real `@clerk/backend` client, pointed at the emulator. */
export function clerkFor(emulator: Emulator): ClerkClient {
  return createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl, telemetry: { disabled: true } })
}

/** Mints an agent-task link for Ada that lands on `redirectUrl`. */
export function mintAdaLink(emulator: Emulator, redirectUrl: string) {
  return clerkFor(emulator).agentTasks.create({
    onBehalfOf: { identifier: 'ada@example.com' },
    permissions: '*',
    agentName: 'bot',
    taskDescription: 'x',
    redirectUrl,
  })
}
