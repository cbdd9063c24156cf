import { expect, it } from 'vitest'
import { call } from '../client.js'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'

export function validationCases(ctx: () => SuiteContext): void {
  it('names every bad field in one 400 and never calls Clerk', async () => {
    const { app, request, ada, agentTaskCalls } = ctx()
    const before = agentTaskCalls()
    const result = await request(app, '', {
      bearer: ada.token,
      json: {
        taskDescription: 42,
        sessionMaxDurationInSeconds: 10 ** 9,
        redirectUrl: 'javascript:alert(1)',
        agentName: 'chosen-by-caller',
        onBehalfOf: { userId: 'not-a-user-id' },
        permissions: '*',
      },
    })
    expectProblem(result, 400, 'invalid_request', [
      'taskDescription',
      'sessionMaxDurationInSeconds',
      'redirectUrl',
      'agentName',
      'onBehalfOf.userId',
      'permissions',
    ])
    expect(agentTaskCalls()).toBe(before)
  })

  it.each([
    ['a fractional duration', { sessionMaxDurationInSeconds: 90.5 }, 'sessionMaxDurationInSeconds'],
    ['a duration as a string', { sessionMaxDurationInSeconds: '600' }, 'sessionMaxDurationInSeconds'],
    ['a duration below the minimum', { sessionMaxDurationInSeconds: 5 }, 'sessionMaxDurationInSeconds'],
    ['an empty description', { taskDescription: '   ' }, 'taskDescription'],
    ['an overlong description', { taskDescription: 'x'.repeat(501) }, 'taskDescription'],
    ['onBehalfOf with both keys', { onBehalfOf: { userId: 'user_1', identifier: 'a@b.c' } }, 'onBehalfOf'],
    ['onBehalfOf as a string', { onBehalfOf: 'user_1' }, 'onBehalfOf'],
    ['an unknown nested key', { onBehalfOf: { email: 'a@b.c' } }, 'onBehalfOf.email'],
    ['redirectUrl as a number', { redirectUrl: 7 }, 'redirectUrl'],
  ])('rejects %s', async (_name, json, field) => {
    const { app, request, ada } = ctx()
    expectProblem(await request(app, '', { bearer: ada.token, json }), 400, 'invalid_request', [field])
  })

  it('rejects a body that is not a JSON object', async () => {
    const { app, request, ada } = ctx()
    const before = ctx().agentTaskCalls()
    expectProblem(await request(app, '', { bearer: ada.token, json: [1, 2] }), 400, 'invalid_request', ['(body)'])
    for (const json of [null, 'text', 7, true]) {
      // A strict parser of the app's (express.json()) refuses these itself, with its own 400.
      if (ctx().target.upstreamBodyParser) expect((await call(`${app.origin}${app.basePath}`, { bearer: ada.token, json })).status).toBe(400)
      else expectProblem(await request(app, '', { bearer: ada.token, json }), 400, 'invalid_request', ['(body)'])
    }
    expect(ctx().agentTaskCalls()).toBe(before)
    const malformed = { bearer: ada.token, rawBody: '{"taskDescription":' }
    if (ctx().target.upstreamBodyParser) {
      // The app's own parser answers first; it must still be a 4xx and reach no Clerk endpoint.
      const before = ctx().agentTaskCalls()
      const result = await call(`${app.origin}${app.basePath}`, malformed)
      expect(result.status).toBe(400)
      expect(ctx().agentTaskCalls()).toBe(before)
    } else {
      expectProblem(await request(app, '', malformed), 400, 'invalid_request', ['(body)'])
    }
  })

  it('answers 415 to a body that is not JSON', async () => {
    const { app, request, ada, agentTaskCalls, target } = ctx()
    const before = agentTaskCalls()
    // Where the framework refuses cross-site form writes itself, same-origin ones reach the adapter.
    const origin = target.crossSiteWritesRefusedBy === undefined ? null : app.origin
    const result = await request(app, '', { bearer: ada.token, rawBody: 'taskDescription=x', contentType: 'text/plain', origin })
    expectProblem(result, 415, 'unsupported_media_type')
    const form = await request(app, '', {
      bearer: ada.token,
      rawBody: 'taskDescription=x',
      contentType: 'application/x-www-form-urlencoded',
      origin,
    })
    expectProblem(form, 415, 'unsupported_media_type')
    expect(agentTaskCalls()).toBe(before)
  })

  it('answers 413 to a body over 16 KiB', async () => {
    const { app, request, ada, agentTaskCalls } = ctx()
    const before = agentTaskCalls()
    const result = await request(app, '', { bearer: ada.token, json: { taskDescription: 'x'.repeat(17 * 1024) } })
    expectProblem(result, 413, 'payload_too_large')
    expect(agentTaskCalls()).toBe(before)
  })

  it('answers 405 with Allow to other methods', async () => {
    const { app, request, ada } = ctx()
    for (const [method, path, allow] of [
      ['PUT', '', 'GET, POST'],
      ['DELETE', '', 'GET, POST'],
      ['DELETE', '/agt_123/revoke', 'POST'],
      ['GET', '/agt_123/revoke', 'POST'],
      ['GET', '/revoke-all', 'POST'],
    ] as const) {
      const result = await request(app, path, { method, bearer: ada.token })
      expectProblem(result, 405, 'method_not_allowed')
      expect(result.headers.get('allow')).toBe(allow)
    }
  })

  it('accepts an empty body and applies the defaults', async () => {
    const { app, request, ada } = ctx()
    const result = await request(app, '', { bearer: ada.token })
    expect(result.status, result.text).toBe(201)
    expect(result.body.agentTask).toMatchObject({
      agentName: 'agent-tasks',
      sessionMaxDurationInSeconds: 1800,
      onBehalfOf: { userId: ada.id },
    })
  })

  it('lets callers pick an agent name only where allowed', async () => {
    const { adminApp, request, ada } = ctx()
    const listed = await request(adminApp, '', { bearer: ada.token, json: { agentName: 'qa-bot' } })
    expect(listed.status, listed.text).toBe(201)
    expect(listed.body.agentTask.agentName).toBe('qa-bot')
    const unlisted = await request(adminApp, '', { bearer: ada.token, json: { agentName: 'other-bot' } })
    expectProblem(unlisted, 400, 'invalid_request', ['agentName'])
  })
}
