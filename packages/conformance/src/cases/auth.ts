import { expect, it } from 'vitest'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'

export function authCases(ctx: () => SuiteContext): void {
  it('refuses a signed-out caller with 401 and never calls Clerk', async () => {
    const { app, request, agentTaskCalls } = ctx()
    const before = agentTaskCalls()
    const result = await request(app, '', { json: { taskDescription: 'x' }, origin: app.origin })
    expectProblem(result, 401, 'unauthenticated')
    const revoke = await request(app, '/agt_123/revoke', { origin: app.origin })
    expectProblem(revoke, 401, 'unauthenticated')
    expect(agentTaskCalls()).toBe(before)
  })

  it('refuses a forged or expired bearer token with 401', async () => {
    const { app, request, ada } = ctx()
    const tampered = `${ada.token.slice(0, -4)}AAAA`
    expectProblem(await request(app, '', { bearer: tampered }), 401, 'unauthenticated')
  })

  it('refuses an agent session with 403 and never calls Clerk', async () => {
    const { app, request, adaAgentToken, agentTaskCalls } = ctx()
    const before = agentTaskCalls()
    const result = await request(app, '', { bearer: adaAgentToken })
    // The app's guard (see cases/guard.ts) refuses agents on the agent-tasks routes before the contract
    // does; the contract's own refusal, `agent_session_forbidden`, shows on the route helper's path.
    expectProblem(result, 403, 'agent_action_forbidden')
    expect(agentTaskCalls()).toBe(before)
  })

  it('lets an agent session mint when the app opts in', async () => {
    const { agentFriendlyApp, request, adaAgentToken } = ctx()
    const result = await request(agentFriendlyApp, '', { bearer: adaAgentToken })
    expect(result.status, result.text).toBe(201)
  })

  it('accepts cookie auth only from the same origin', async () => {
    const { app, request, ada, agentTaskCalls } = ctx()
    const before = agentTaskCalls()
    const evil = await request(app, '', { cookies: ada.cookies, origin: 'https://evil.example' })
    expectProblem(evil, 403, 'cross_origin_request')
    const nullOrigin = await request(app, '', { cookies: ada.cookies, origin: 'null' })
    expectProblem(nullOrigin, 403, 'cross_origin_request')
    const crossSite = await request(app, '', { cookies: ada.cookies, secFetchSite: 'cross-site' })
    expectProblem(crossSite, 403, 'cross_origin_request')
    const noEvidence = await request(app, '', { cookies: ada.cookies })
    expectProblem(noEvidence, 403, 'cross_origin_request')
    expect(agentTaskCalls()).toBe(before)

    const sameOrigin = await request(app, '', { cookies: ada.cookies, origin: app.origin })
    expect(sameOrigin.status, sameOrigin.text).toBe(201)
    const sameSite = await request(app, '', { cookies: ada.cookies, secFetchSite: 'same-origin' })
    expect(sameSite.status, sameSite.text).toBe(201)
  })

  it('exempts bearer-token requests from the origin check', async () => {
    const { app, request, ada } = ctx()
    const result = await request(app, '', { bearer: ada.token, origin: 'https://evil.example' })
    expect(result.status, result.text).toBe(201)
  })

  it('lets a user mint only for themselves unless authorize allows more', async () => {
    const { app, adminApp, request, ada, bob, admin, agentTaskCalls } = ctx()
    const before = agentTaskCalls()
    const forBob = await request(app, '', { bearer: ada.token, json: { onBehalfOf: { userId: bob.id } } })
    expectProblem(forBob, 403, 'on_behalf_of_forbidden', ['onBehalfOf'])
    const byEmail = await request(adminApp, '', { bearer: ada.token, json: { onBehalfOf: { identifier: bob.email } } })
    expectProblem(byEmail, 403, 'on_behalf_of_forbidden')
    expect(agentTaskCalls()).toBe(before)

    const self = await request(app, '', { bearer: ada.token, json: { onBehalfOf: { userId: ada.id } } })
    expect(self.status, self.text).toBe(201)
    const allowed = await request(adminApp, '', { bearer: admin.token, json: { onBehalfOf: { identifier: bob.email } } })
    expect(allowed.status, allowed.text).toBe(201)
    expect(allowed.body.agentTask.onBehalfOf).toEqual({ identifier: bob.email })
  })
}
