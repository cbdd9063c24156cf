import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'

async function mint(ctx: SuiteContext, token: string, app = ctx.app): Promise<{ id: string; url: string }> {
  const result = await ctx.request(app, '', { bearer: token, json: { taskDescription: 'to revoke' } })
  expect(result.status, result.text).toBe(201)
  return { id: result.body.agentTask.agentTaskId, url: result.body.agentTask.url }
}

export function revokeCases(ctx: () => SuiteContext): void {
  it('revokes an unused link; the link then fails and a second revoke is 409', async () => {
    const c = ctx()
    const { id, url } = await mint(c, c.ada.token)
    const result = await c.request(c.app, `/${id}/revoke`, { bearer: c.ada.token })
    expect(result.status, result.text).toBe(200)
    expect(result.headers.get('cache-control')).toBe('no-store')
    expect(result.body).toMatchObject({ message: 'Agent Task revoked', agentTask: { agentTaskId: id, status: 'revoked' } })
    expect(c.emulator.state.agentTasks().find((t) => t.id === id)?.status).toBe('revoked')
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(400)
    expectProblem(await c.request(c.app, `/${id}/revoke`, { bearer: c.ada.token }), 409, 'agent_task_already_revoked')
    expect(c.events.some((e) => e.hook === 'onRevoked')).toBe(true)
  })

  it('three concurrent revokes of one link: one 200, two 409, and the record ends revoked, never used', async () => {
    const c = ctx()
    const { id, url } = await mint(c, c.ada.token)
    const results = await Promise.all([1, 2, 3].map(() => c.request(c.app, `/${id}/revoke`, { bearer: c.ada.token })))
    expect(results.map((result) => result.status).sort()).toEqual([200, 409, 409])
    expect(c.emulator.state.agentTasks().find((t) => t.id === id)?.status).toBe('revoked')
    const records = await c.requestAt(c.app, `${c.app.programmaticPath}/records`, { method: 'GET', bearer: c.ada.token })
    expect(records.body.records).toContainEqual(expect.objectContaining({ agentTaskId: id, status: 'revoked' }))
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(400)
    expectProblem(await c.request(c.app, `/${id}/revoke`, { bearer: c.ada.token }), 409, 'agent_task_already_revoked')
  })

  it('revokes through cookie auth from the same origin', async () => {
    const c = ctx()
    const { id } = await mint(c, c.ada.token)
    const refused = await c.request(c.app, `/${id}/revoke`, { cookies: c.ada.cookies, origin: 'https://evil.example' })
    expectProblem(refused, 403, 'cross_origin_request')
    const result = await c.request(c.app, `/${id}/revoke`, { cookies: c.ada.cookies, origin: c.app.origin })
    expect(result.status, result.text).toBe(200)
  })

  it('answers 404 for another user’s link and for unknown IDs, without calling Clerk', async () => {
    const c = ctx()
    const { id } = await mint(c, c.ada.token)
    const before = c.agentTaskCalls()
    expectProblem(await c.request(c.app, `/${id}/revoke`, { bearer: c.bob.token }), 404, 'agent_task_not_found')
    expectProblem(await c.request(c.app, '/agt_doesnotexist/revoke', { bearer: c.ada.token }), 404, 'agent_task_not_found')
    expect(c.agentTaskCalls()).toBe(before)
    expect(c.emulator.state.agentTasks().find((t) => t.id === id)?.status).toBe('pending')
  })

  it('revoking a used link ends the session it opened (the kill switch); a second revoke is 409', async () => {
    const c = ctx()
    const { id, url } = await mint(c, c.ada.token)
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(307)
    const session = c.emulator.state.sessions().find((s) => s.agentTaskId === id)
    expect(session?.status).toBe('active')
    const result = await c.request(c.app, `/${id}/revoke`, { bearer: c.ada.token })
    expect(result.status, result.text).toBe(200)
    expect(result.body).toMatchObject({
      message: 'Agent access ended',
      endedSessions: 1,
      agentTask: { agentTaskId: id, status: 'used', sessions: [{ sessionId: session?.id, status: 'revoked' }] },
    })
    expect(c.emulator.state.sessions().find((s) => s.id === session?.id)?.status).toBe('revoked')
    expect(c.events.some((e) => e.hook === 'onSessionEnded' && e.event.sessionId === session?.id && e.event.agentTaskId === id)).toBe(true)
    const again = await c.request(c.app, `/${id}/revoke`, { bearer: c.ada.token })
    expectProblem(again, 409, 'agent_session_already_ended')
  })

  it('rejects a malformed ID with 400 naming agentTaskId', async () => {
    const c = ctx()
    const result = await c.request(c.app, '/not%20an%20id/revoke', { bearer: c.ada.token })
    expectProblem(result, 400, 'invalid_request', ['agentTaskId'])
  })

  it('lets authorize allow revoking another user’s link', async () => {
    const c = ctx()
    const { id } = await mint(c, c.ada.token, c.adminApp)
    expectProblem(await c.request(c.adminApp, `/${id}/revoke`, { bearer: c.bob.token }), 404, 'agent_task_not_found')
    const result = await c.request(c.adminApp, `/${id}/revoke`, { bearer: c.admin.token })
    expect(result.status, result.text).toBe(200)
  })
}
