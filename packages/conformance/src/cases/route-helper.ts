import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'

/** The single-route helper (`agentTasks.route`) at the app's own path: the seed's hand-written route, in one line. */
export function routeHelperCases(ctx: () => SuiteContext): void {
  const at = (c: SuiteContext) => c.app.routePath

  it('mints for the signed-in user in the seed’s response shape', async () => {
    const c = ctx()
    const result = await c.requestAt(c.app, at(c), { bearer: c.ada.token, json: { taskDescription: 'From the route helper' } })
    expect(result.status, result.text).toBe(201)
    expect(result.headers.get('cache-control')).toBe('no-store')
    expect(result.body.message).toBe('Agent Task created')
    expect(result.body.agentTask).toMatchObject({ taskDescription: 'From the route helper', onBehalfOf: { userId: c.ada.id } })
    expect(c.events.some((e) => e.hook === 'onCreated' && (e.event.record as { agentTaskId: string }).agentTaskId === result.body.agentTask.agentTaskId)).toBe(true)
  })

  it('refuses signed-out callers and agent sessions without calling Clerk', async () => {
    const c = ctx()
    const before = c.agentTaskCalls()
    expectProblem(await c.requestAt(c.app, at(c), { origin: c.app.origin }), 401, 'unauthenticated')
    expectProblem(await c.requestAt(c.app, at(c), { bearer: c.adaAgentToken }), 403, 'agent_session_forbidden')
    expect(c.agentTaskCalls()).toBe(before)
  })

  it('accepts cookie auth only from the same origin', async () => {
    const c = ctx()
    const evil = await c.requestAt(c.app, at(c), { cookies: c.ada.cookies, origin: 'https://evil.example' })
    expectProblem(evil, 403, 'cross_origin_request')
    const lowerCaseBearer = await c.requestAt(c.app, at(c), {
      cookies: c.ada.cookies,
      origin: 'https://evil.example',
      headers: { Authorization: 'bearer x' },
    })
    expectProblem(lowerCaseBearer, 403, 'cross_origin_request')
    const same = await c.requestAt(c.app, at(c), { cookies: c.ada.cookies, origin: c.app.origin })
    expect(same.status, same.text).toBe(201)
  })

  it('names every bad field and refuses unsafe redirects', async () => {
    const c = ctx()
    const before = c.agentTaskCalls()
    const bad = await c.requestAt(c.app, at(c), { bearer: c.ada.token, json: { taskDescription: 42, redirectUrl: '//evil.example/' } })
    expectProblem(bad, 400, 'invalid_request', ['taskDescription', 'redirectUrl'])
    const array = await c.requestAt(c.app, at(c), { bearer: c.ada.token, json: [null] })
    expectProblem(array, 400, 'invalid_request', ['(body)'])
    expect(c.agentTaskCalls()).toBe(before)
  })
}
