import { afterEach, expect, it, vi } from 'vitest'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'

const CREATE = { method: 'POST', path: '/v1/agents/tasks', times: 1 }

export function clerkFailureCases(ctx: () => SuiteContext): void {
  afterEach(() => ctx().emulator.faults.clear())

  it('maps an unknown user to 422 naming onBehalfOf', async () => {
    const { adminApp, request, admin } = ctx()
    const result = await request(adminApp, '', { bearer: admin.token, json: { onBehalfOf: { userId: 'user_doesnotexist' } } })
    expectProblem(result, 422, 'subject_not_found', ['onBehalfOf'])
  })

  it('passes Clerk’s reason through for other 4xx answers', async () => {
    const { app, request, ada, emulator } = ctx()
    emulator.faults.add({
      ...CREATE,
      status: 422,
      body: {
        errors: [{ code: 'form_param_format_invalid', message: 'is invalid', long_message: 'redirect_url is not on an instance domain', meta: {} }],
        clerk_trace_id: 'trace_conformance',
      },
    })
    const result = await request(app, '', { bearer: ada.token })
    expectProblem(result, 422, 'upstream_rejected')
    expect(result.body.detail).toContain('redirect_url is not on an instance domain')
  })

  it('maps a Clerk 429 to 429 with Retry-After', async () => {
    const { app, request, ada, emulator } = ctx()
    emulator.faults.add({ ...CREATE, status: 429, retryAfterSeconds: 7 })
    const result = await request(app, '', { bearer: ada.token })
    expectProblem(result, 429, 'rate_limited')
    expect(result.headers.get('retry-after')).toBe('7')
  })

  it.each([
    ['a 5xx', { status: 503 }],
    ['a malformed reply', { malformed: true }],
    ['a dropped connection', { dropConnection: true }],
    ['a rejected secret key', { status: 401 }],
  ])('maps %s to 502', async (_name, fault) => {
    const { app, request, ada, emulator, events } = ctx()
    emulator.faults.add({ ...CREATE, ...fault })
    const failedBefore = events.filter((e) => e.hook === 'onFailed').length
    const result = await request(app, '', { bearer: ada.token })
    expectProblem(result, 502, 'upstream_error')
    expect(events.filter((e) => e.hook === 'onFailed').length).toBe(failedBefore + 1)
  })

  it('answers 504 when Clerk does not answer in time', async () => {
    const { app, request, ada, emulator } = ctx()
    emulator.faults.add({ ...CREATE, latencyMs: 2500 })
    const logged = emulator.state.requests().length
    const result = await request(app, '', { bearer: ada.token })
    expectProblem(result, 504, 'upstream_timeout')
    // The emulator logs a request when it answers: wait for the late one, so later cases count only their own.
    await vi.waitFor(() => expect(emulator.state.requests().length).toBeGreaterThan(logged), { timeout: 5_000 })
  })

  it('maps a failing revoke to 502', async () => {
    const c = ctx()
    const minted = await c.request(c.app, '', { bearer: c.ada.token })
    expect(minted.status).toBe(201)
    c.emulator.faults.add({ method: 'POST', path: /\/revoke$/, status: 500, times: 1 })
    const result = await c.request(c.app, `/${minted.body.agentTask.agentTaskId}/revoke`, { bearer: c.ada.token })
    expectProblem(result, 502, 'upstream_error')
  })
}
