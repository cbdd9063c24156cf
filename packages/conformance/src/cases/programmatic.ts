import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'

/**
 * The programmatic API (`agentTasks.create(request, input)`, `agentTasks.revoke(request, id)`) called
 * from app routes, and proof that it shares one instance — store and hooks — with the HTTP contract.
 */
export function programmaticCases(ctx: () => SuiteContext): void {
  const path = (c: SuiteContext, route: string) => `${c.app.programmaticPath}${route}`
  const records = async (c: SuiteContext): Promise<Array<{ agentTaskId: string; status: string }>> => {
    const result = await c.requestAt(c.app, path(c, '/records'), { method: 'GET', bearer: c.ada.token })
    expect(result.status, result.text).toBe(200)
    return result.body.records
  }
  const hooked = (c: SuiteContext, hook: string, agentTaskId: string) =>
    c.events.some((e) => e.hook === hook && (e.event.record as { agentTaskId?: string } | undefined)?.agentTaskId === agentTaskId)

  it('mints from an app route, and the HTTP contract revokes it: one store, one set of hooks', async () => {
    const c = ctx()
    const minted = await c.requestAt(c.app, path(c, '/create'), { bearer: c.ada.token, json: { taskDescription: 'Programmatic', redirectUrl: '/reports' } })
    expect(minted.status, minted.text).toBe(201)
    const { agentTaskId, redirectUrl } = minted.body.agentTask
    expect(redirectUrl).toBe(`${c.app.origin}/reports`)
    expect(hooked(c, 'onCreated', agentTaskId)).toBe(true)
    expect(await records(c)).toContainEqual(expect.objectContaining({ agentTaskId, status: 'pending' }))

    const revoked = await c.request(c.app, `/${agentTaskId}/revoke`, { bearer: c.ada.token })
    expect(revoked.status, revoked.text).toBe(200)
    expect(hooked(c, 'onRevoked', agentTaskId)).toBe(true)
    expect(await records(c)).toContainEqual(expect.objectContaining({ agentTaskId, status: 'revoked' }))
  })

  it('revokes from an app route a link minted through the HTTP contract and the route helper', async () => {
    const c = ctx()
    for (const mint of [() => c.request(c.app, '', { bearer: c.ada.token }), () => c.requestAt(c.app, c.app.routePath, { bearer: c.ada.token })]) {
      const minted = await mint()
      expect(minted.status, minted.text).toBe(201)
      const { agentTaskId } = minted.body.agentTask
      expect(await records(c)).toContainEqual(expect.objectContaining({ agentTaskId, status: 'pending' }))
      const revoked = await c.requestAt(c.app, path(c, `/revoke/${agentTaskId}`), { bearer: c.ada.token })
      expect(revoked.status, revoked.text).toBe(200)
      expect(revoked.body.agentTask).toMatchObject({ agentTaskId, status: 'revoked' })
      expect(hooked(c, 'onRevoked', agentTaskId)).toBe(true)
      expect(c.emulator.state.agentTasks().find((t) => t.id === agentTaskId)?.status).toBe('revoked')
    }
  })

  it('throws typed errors: not signed in, agent session, bad input, unknown ID — Clerk never called', async () => {
    const c = ctx()
    const before = c.agentTaskCalls()
    const signedOut = await c.requestAt(c.app, path(c, '/create'), { json: {} })
    expect(signedOut.status).toBe(401)
    expect(signedOut.body.code).toBe('unauthenticated')
    const agent = await c.requestAt(c.app, path(c, '/create'), { bearer: c.adaAgentToken, json: {} })
    expect(agent.body).toMatchObject({ code: 'agent_session_forbidden' })
    const bad = await c.requestAt(c.app, path(c, '/create'), { bearer: c.ada.token, json: { sessionMaxDurationInSeconds: 5, redirectUrl: 'javascript:alert(1)' } })
    expect(bad.status).toBe(400)
    expect(bad.body.fields).toEqual(expect.arrayContaining(['sessionMaxDurationInSeconds', 'redirectUrl']))
    const unknown = await c.requestAt(c.app, path(c, '/revoke/agt_unknown'), { bearer: c.ada.token })
    expect(unknown.body).toMatchObject({ code: 'agent_task_not_found' })
    expect(c.agentTaskCalls()).toBe(before)
  })
}
