import { once } from 'node:events'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { isLoopbackAddress, isLoopbackHost } from '../src/inspector/loopback.js'
import { clerkFor } from './helpers.js'
import { startBin, tempDir } from './support/bin.js'

const XSS_NAME = '<script>alert("name")</script>'
const XSS_DESCRIPTION = `<img src=x onerror=alert(1)> & "quotes" 'single'`

let emulator: Emulator
let receiver: Server
let received = 0

beforeAll(async () => {
  receiver = createServer((req, res) => {
    received++
    req.resume()
    res.end('ok')
  })
  receiver.listen(0, '127.0.0.1')
  await once(receiver, 'listening')
  emulator = await startEmulator({
    rateLimit: false,
    users: [
      { email: 'ada@example.com', firstName: XSS_NAME, lastName: 'Lovelace', password: 'pw', publicMetadata: { note: '</code><script>x()</script>' } },
    ],
    webhooks: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, retryDelaysMs: [] },
  })
})
afterAll(async () => {
  await emulator.close()
  receiver.close()
})

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request with exactly these headers (fetch would not let a test choose `Host`). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  const { port } = new URL(emulator.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers, ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const bearer = () => ({ Authorization: `Bearer ${emulator.secretKey}` })

/** Logs in through a fresh admin link; returns the cookie header and the page's CSRF token. */
async function login(): Promise<{ cookie: string; csrf: string }> {
  const link = new URL(emulator.createAdminLink())
  const res = await raw('GET', `${link.pathname}${link.search}`)
  expect(res.status).toBe(303)
  const setCookie = (res.headers['set-cookie'] ?? [])[0] ?? ''
  const cookie = setCookie.split(';')[0] ?? ''
  const page = await raw('GET', '/_emulator/', { Cookie: cookie })
  expect(page.status).toBe(200)
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  return { cookie, csrf }
}

function mint(description = 'pay invoices') {
  return clerkFor(emulator).agentTasks.create({
    onBehalfOf: { identifier: 'ada@example.com' },
    permissions: '*',
    agentName: 'Invoice "bot"',
    taskDescription: description,
    redirectUrl: 'http://127.0.0.1:9/after',
  })
}

describe('inspector', () => {
  it('needs the secret key or an admin cookie: no key → 401, wrong key → 401', async () => {
    const none = await raw('GET', '/_emulator/')
    expect(none.status).toBe(401)
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/)
    expect(none.body).not.toContain('ada@example.com')
    expect((await raw('GET', '/_emulator/', { Authorization: 'Bearer sk_test_wrong' })).status).toBe(401)
    expect((await raw('GET', '/_emulator/', { Cookie: '__emulator_admin=made-up' })).status).toBe(401)
    const ok = await raw('GET', '/_emulator/', bearer())
    expect(ok.status).toBe(200)
    expect(ok.body).toContain('ada@example.com')
    expect(ok.body).not.toContain(emulator.secretKey)
  })

  it('refuses a Host that is not a loopback name with its port (DNS rebinding), even with the key', async () => {
    const { port } = new URL(emulator.url)
    for (const host of [`evil.example:${port}`, `127.0.0.1.nip.io:${port}`, '127.0.0.1:1', `localhost.evil:${port}`]) {
      expect((await raw('GET', '/_emulator/', { ...bearer(), Host: host })).status, host).toBe(403)
    }
    expect((await raw('GET', '/_emulator/', { ...bearer(), Host: `localhost:${port}` })).status).toBe(200)
    expect((await raw('GET', '/_emulator/', { ...bearer(), Host: `[::1]:${port}` })).status).toBe(200)
    expect(isLoopbackAddress('127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('::ffff:127.0.0.5')).toBe(true)
    expect(isLoopbackAddress('::1')).toBe(true)
    expect(isLoopbackAddress('192.168.1.10')).toBe(false)
    expect(isLoopbackAddress('::ffff:10.0.0.1')).toBe(false)
    expect(isLoopbackAddress(undefined)).toBe(false)
    expect(isLoopbackHost(undefined, port)).toBe(false)
  })

  it('the page is no-store, has a strict CSP and escapes every value (a user named <script>)', async () => {
    await mint(XSS_DESCRIPTION)
    const res = await raw('GET', '/_emulator/', bearer())
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("form-action 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.body).not.toMatch(/<script/i)
    expect(res.body).not.toContain('<img')
    expect(res.body).toContain('&#60;script&#62;alert(&#34;name&#34;)&#60;/script&#62;')
    expect(res.body).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34; &#39;single&#39;')
    expect(res.body).toContain('Invoice &#34;bot&#34;')
    // Only external-free markup: no URL of another origin is loaded.
    expect(res.body).not.toMatch(/(src|href)="https?:/)
  })

  it('an admin link works once: it sets an HttpOnly SameSite=Strict cookie; the second use is refused; the token is not logged', async () => {
    const link = new URL(emulator.createAdminLink())
    expect(link.pathname).toBe('/_emulator/login')
    const token = link.searchParams.get('token') ?? ''
    const first = await raw('GET', `${link.pathname}${link.search}`)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/_emulator/')
    const setCookie = (first.headers['set-cookie'] ?? [])[0] ?? ''
    expect(setCookie).toMatch(/^__emulator_admin=[A-Za-z0-9_-]+; Path=\/_emulator; HttpOnly; SameSite=Strict$/)
    const page = await raw('GET', '/_emulator/', { Cookie: setCookie.split(';')[0] ?? '' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('ada@example.com')

    const second = await raw('GET', `${link.pathname}${link.search}`)
    expect(second.status).toBe(401)
    expect(second.headers['set-cookie']).toBeUndefined()
    expect((await raw('GET', '/_emulator/login?token=not-a-token')).status).toBe(401)
    expect(JSON.stringify(emulator.state.requests())).not.toContain(token)
  })

  it('Revoke: a cross-site or token-less POST is refused; the page’s own form revokes the pending link for real', async () => {
    const { cookie, csrf } = await login()
    const task = await mint()
    const path = `/_emulator/agent-tasks/${task.agentTaskId}/revoke`
    const { port } = new URL(emulator.url)
    const form = `csrf=${encodeURIComponent(csrf)}`
    // No Origin, another port's Origin (an app on 127.0.0.1:3000 is same-site!), no token, a wrong token.
    expect((await raw('POST', path, { Cookie: cookie }, form)).status).toBe(403)
    expect((await raw('POST', path, { Cookie: cookie, Origin: 'http://127.0.0.1:3000' }, form)).status).toBe(403)
    expect((await raw('POST', path, { Cookie: cookie, Origin: `http://127.0.0.1:${port}` }, 'csrf=')).status).toBe(403)
    expect((await raw('POST', path, { Cookie: cookie, Origin: `http://127.0.0.1:${port}` }, 'csrf=wrong')).status).toBe(403)
    expect((await raw('POST', path, { Origin: `http://127.0.0.1:${port}` }, form)).status).toBe(401)
    expect(emulator.state.agentTasks().find((t) => t.id === task.agentTaskId)?.status).toBe('pending')

    const done = await raw('POST', path, { Cookie: cookie, Origin: `http://127.0.0.1:${port}` }, form)
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe('/_emulator/?done=revoked')
    expect(emulator.state.agentTasks().find((t) => t.id === task.agentTaskId)?.status).toBe('revoked')
    const used = await fetch(task.url ?? '', { redirect: 'manual' })
    expect(((await used.json()) as { errors: [{ code: string }] }).errors[0].code).toBe('agent_task_revoked')
    // Revoking again: only pending tasks can be.
    expect((await raw('POST', path, { Cookie: cookie, Origin: `http://127.0.0.1:${port}` }, form)).status).toBe(409)
    const page = await raw('GET', '/_emulator/?done=revoked', { Cookie: cookie })
    expect(page.body).toContain('The agent task was revoked')
    // Nothing from the URL is echoed.
    expect((await raw('GET', '/_emulator/?done=%3Cb%3Ehi', { Cookie: cookie })).body).not.toContain('<b>hi')
  })

  it('End: agent sessions are marked with their task; the button ends the session, as the SDK then sees', async () => {
    const { cookie, csrf } = await login()
    const task = await mint()
    expect((await fetch(task.url ?? '', { redirect: 'manual' })).status).toBe(307)
    const sessionId = emulator.state.agentTasks().find((t) => t.id === task.agentTaskId)?.sessionId ?? ''
    const before = await raw('GET', '/_emulator/', { Cookie: cookie })
    const row = before.body.split('<tr>').find((r) => r.includes(`<code>${sessionId}</code>`)) ?? ''
    expect(row).toContain('<span class="badge agent">agent</span>')
    expect(row).toContain(`task <code>${task.agentTaskId}</code>`)
    expect(row).toContain(`action="/_emulator/sessions/${sessionId}/end"`)

    const { port } = new URL(emulator.url)
    const end = await raw('POST', `/_emulator/sessions/${sessionId}/end`, { Cookie: cookie, Origin: `http://127.0.0.1:${port}` }, `csrf=${csrf}`)
    expect(end.status).toBe(303)
    expect((await clerkFor(emulator).sessions.getSession(sessionId)).status).toBe('revoked')
    expect((await raw('POST', `/_emulator/sessions/${sessionId}/end`, { Cookie: cookie, Origin: `http://127.0.0.1:${port}` }, `csrf=${csrf}`)).status).toBe(409)
    expect((await raw('POST', '/_emulator/sessions/sess_missing/end', { Cookie: cookie, Origin: `http://127.0.0.1:${port}` }, `csrf=${csrf}`)).status).toBe(404)
  })

  it('curl with the secret key: actions answer JSON without a CSRF token', async () => {
    const { sessionId } = await emulator.signIn(emulator.users.list()[0]?.id ?? '')
    const res = await raw('POST', `/_emulator/sessions/${sessionId}/end`, bearer())
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ object: 'session', id: sessionId, status: 'revoked' })
    expect((await clerkFor(emulator).sessions.getSession(sessionId)).status).toBe('revoked')
  })

  it('lists the last webhook deliveries', async () => {
    await emulator.signIn(emulator.users.list()[0]?.id ?? '')
    await expect.poll(() => received).toBeGreaterThan(0)
    await expect.poll(() => emulator.state.webhookDeliveries().length).toBeGreaterThan(0)
    const res = await raw('GET', '/_emulator/', bearer())
    const section = res.body.slice(res.body.indexOf('id="webhooks"'))
    expect(section).toContain('session.created')
    expect(section).toContain('<span class="badge ok">ok</span> 200')
    expect(section).not.toContain('webhooks-unavailable')
  })

  it('the CLI prints a one-time admin link at start that logs a browser in once', async () => {
    const cwd = await tempDir('emu-inspector-')
    const started = startBin(['--port', '0'], { cwd })
    try {
      await started.waitForStdout('CLERK_SECRET_KEY=')
      await expect.poll(() => started.output.stderr).toContain('inspector')
      const link = /http:\/\/127\.0\.0\.1:\d+\/_emulator\/login\?token=[A-Za-z0-9_-]+/.exec(started.output.stderr)?.[0] ?? ''
      expect(link).not.toBe('')
      expect(started.output.stdout).not.toContain('/_emulator/login')
      const first = await fetch(link, { redirect: 'manual' })
      expect(first.status).toBe(303)
      const cookie = first.headers.getSetCookie()[0]?.split(';')[0] ?? ''
      const page = await fetch(new URL('/_emulator/', link), { headers: { Cookie: cookie } })
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Clerk emulator inspector')
      expect((await fetch(link, { redirect: 'manual' })).status).toBe(401)
    } finally {
      started.child.kill('SIGTERM')
      await started.exited
    }
  })
})
