import type { Server } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Emulator } from '@agent-tasks/emulator'
import { clerkMiddleware, createClerkClient, getAuth } from '@clerk/express'
import express from 'express'

export interface TestApp {
  /** `http://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * The smallest real Clerk app: Express 5 + `clerkMiddleware()` configured for the emulator, with pages
 * that show who is signed in. `/no-clerk` is outside the middleware (a page that can set no session).
 */
export async function startTestApp(emulator: Emulator): Promise<TestApp> {
  const keys = { secretKey: emulator.secretKey, publishableKey: emulator.publishableKey, jwtKey: emulator.jwtKey }
  const app = express()
  // `?delay=<ms>` (at most 5 s) holds every request of a page: a slow app, for tests that interrupt a sign-in.
  app.use(async (req, _res, next) => {
    const delay = Math.min(Number(req.query.delay) || 0, 5000)
    if (delay > 0) await sleep(delay)
    next()
  })
  app.get('/no-clerk', (_req, res) => {
    res.send('<!doctype html><title>No Clerk</title><h1>No Clerk middleware here</h1>')
  })
  app.use(
    clerkMiddleware({
      ...keys,
      proxyUrl: emulator.url,
      clerkClient: createClerkClient({ ...keys, apiUrl: emulator.apiUrl, telemetry: { disabled: true } }),
    }),
  )
  const whoAmI = (req: express.Request) => {
    const auth = getAuth(req)
    return { userId: auth.userId, sessionId: auth.sessionId, actorType: (auth.actor?.type as string | undefined) ?? null }
  }
  app.get('/api/whoami', (req, res) => {
    res.json(whoAmI(req))
  })
  app.get(['/', '/dashboard'], (req, res) => {
    const me = whoAmI(req)
    res.send(
      `<!doctype html><title>Test app</title><h1>${req.path === '/' ? 'Home' : 'Dashboard'}</h1>
<p>User: <span data-testid="user">${escapeHtml(me.userId ?? 'signed out')}</span></p>
<p>Session: <span data-testid="session">${escapeHtml(me.sessionId ?? '')}</span></p>
<p>Actor: <span data-testid="actor">${escapeHtml(me.actorType ?? 'none')}</span></p>`,
    )
  })
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the test app has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
