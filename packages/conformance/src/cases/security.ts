import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'
import { EXPLODING_IDENTIFIER, SECRET_IN_ERROR } from '../profiles.js'
import { rawRequest, slowRequest } from '../raw-http.js'

const STACK_LINE = /\n\s+at .+:\d+:\d+/

/** Regression cases for the defects a security review found on the request path. */
export function securityCases(ctx: () => SuiteContext): void {
  it('checks the origin of cookie requests whose Authorization Clerk did not read as a bearer token', async () => {
    const c = ctx()
    const before = c.agentTaskCalls()
    for (const authorization of ['bearer x', 'BEARER x', 'Basic eDp5', 'Bearer']) {
      const result = await c.request(c.app, '', {
        cookies: c.ada.cookies,
        origin: 'https://evil.example',
        headers: { Authorization: authorization },
      })
      expect(result.status, `${authorization}: ${result.text}`).toBeGreaterThanOrEqual(401)
      expect(result.status, `${authorization}: ${result.text}`).toBeLessThan(404)
      expect(result.status).not.toBe(201)
    }
    const lowerCase = await c.request(c.app, '', { cookies: c.ada.cookies, origin: 'https://evil.example', headers: { Authorization: 'bearer x' } })
    expectProblem(lowerCase, 403, 'cross_origin_request')
    expect(c.agentTaskCalls()).toBe(before)
  })

  it('answers a malformed Host with 4xx and no stack trace', async () => {
    const { app, target } = ctx()
    const result = await rawRequest(app.origin, `POST ${app.basePath} HTTP/1.1\nHost: [\nContent-Length: 0`)
    expect(result.status, result.text).toBeGreaterThanOrEqual(400)
    if (!target.requestTargetRefusedBy) expect(result.status, result.text).toBeLessThan(500)
    expect(result.text).not.toMatch(STACK_LINE)
  })

  it('takes the origin from Host, not from X-Forwarded-Host the app does not trust', async () => {
    const { app, request, ada } = ctx()
    const headers = { 'X-Forwarded-Host': 'evil.example' }
    const elsewhere = await request(app, '', { bearer: ada.token, headers, json: { redirectUrl: 'https://evil.example/x' } })
    expectProblem(elsewhere, 400, 'invalid_request', ['redirectUrl'])
    const path = await request(app, '', { bearer: ada.token, headers, json: { redirectUrl: '/x' } })
    expect(path.status, path.text).toBe(201)
    expect(path.body.agentTask.redirectUrl).toBe(`${app.origin}/x`)
  })

  it('ignores the host of an absolute-form request line', async () => {
    const { app, ada, target } = ctx()
    const { host } = new URL(app.origin)
    const body = JSON.stringify({ redirectUrl: 'http://evil.example/x' })
    const result = await rawRequest(
      app.origin,
      `POST http://evil.example${app.basePath} HTTP/1.1\nHost: ${host}\nAuthorization: Bearer ${ada.token}\nContent-Type: application/json\nContent-Length: ${body.length}`,
      body,
    )
    // Refused by the adapter (400) or turned away by the framework itself (Next.js redirects it).
    expect(result.status, result.text).toBeGreaterThanOrEqual(300)
    if (!target.requestTargetRefusedBy) expect(result.status, result.text).toBeLessThan(500)
    expect(result.text).not.toContain('ticket=')
    expect(result.text).not.toMatch(STACK_LINE)
  })

  it('pins the public origin with the `origin` option', async () => {
    const { agentFriendlyApp, request, ada } = ctx()
    const path = await request(agentFriendlyApp, '', { bearer: ada.token, json: { redirectUrl: '/x' } })
    expect(path.status, path.text).toBe(201)
    expect(path.body.agentTask.redirectUrl).toBe('https://app.example/x')
    const fromLoopback = await request(agentFriendlyApp, '', { cookies: ada.cookies, origin: agentFriendlyApp.origin })
    expectProblem(fromLoopback, 403, 'cross_origin_request')
    const fromPublic = await request(agentFriendlyApp, '', { cookies: ada.cookies, origin: 'https://app.example' })
    expect(fromPublic.status, fromPublic.text).toBe(201)
  })

  it('refuses a deeply nested body with 4xx, never a 500', async () => {
    const { app, request, ada } = ctx()
    const deep = `${'['.repeat(6000)}${']'.repeat(6000)}`
    for (const rawBody of [deep, `{"taskDescription":${deep}}`]) {
      const result = await request(app, '', { bearer: ada.token, rawBody })
      expect(result.status, result.text.slice(0, 300)).toBeGreaterThanOrEqual(400)
      expect(result.status, result.text.slice(0, 300)).toBeLessThan(500)
    }
  })

  it('answers 408 to a body that does not arrive in time, and closes the connection', async (context) => {
    const c = ctx()
    if (c.target.bodyReadBeforeAdapterBy) context.skip(`the body is read by ${c.target.bodyReadBeforeAdapterBy} first`)
    const slow = slowRequest(c.app.origin, c.app.basePath, { Authorization: `Bearer ${c.ada.token}`, 'Content-Type': 'application/json' }, 100, '{"t')
    const result = await slow.response
    slow.abort()
    expect(result.status, result.text).toBe(408)
    expect(result.afterMs).toBeLessThan(5_000)
    expect(result.text.toLowerCase()).toContain('connection: close')
  })

  it('does not report a client that leaves mid-body as a server error', async () => {
    const c = ctx()
    const printed = () => [...c.output, c.app.output?.() ?? ''].join('\n')
    const before = printed().length
    const slow = slowRequest(c.app.origin, c.app.basePath, { Authorization: `Bearer ${c.ada.token}`, 'Content-Type': 'application/json' }, 100, '{"t')
    await new Promise((resolve) => setTimeout(resolve, 200))
    slow.abort()
    await slow.response
    const next = await c.request(c.app, '', { bearer: c.ada.token })
    expect(next.status, next.text).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(printed().slice(before)).not.toMatch(/\[agent-tasks\]/)
  })
}

/** What every adapter does with an error nobody planned for. */
export function unexpectedErrorCases(ctx: () => SuiteContext): void {
  it('answers an unexpected error with a 500 problem, logged once without credentials', async () => {
    const c = ctx()
    const printed = () => [...c.output, c.adminApp.output?.() ?? ''].join('\n')
    const before = printed().length
    const result = await c.request(c.adminApp, '', { bearer: c.admin.token, json: { onBehalfOf: { identifier: EXPLODING_IDENTIFIER } } })
    expectProblem(result, 500, 'internal_error')
    expect(result.text).not.toContain('authorize crashed')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const logged = printed().slice(before)
    expect(logged.match(/\[agent-tasks\] unexpected error/g)?.length, logged).toBe(1)
    expect(logged).toContain('authorize crashed')
    expect(logged).not.toContain(SECRET_IN_ERROR)
  })
}
