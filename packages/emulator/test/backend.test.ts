import { type ClerkClient, createClerkClient } from '@clerk/backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { apiError } from './helpers.js'

let emulator: Emulator
let clerk: ClerkClient


function bearerRequest(token: string): Request {
  return new Request('http://127.0.0.1:3000/api/me', { headers: { Authorization: `Bearer ${token}` } })
}

beforeAll(async () => {
  emulator = await startEmulator({
    users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', username: 'ada_l' }],
    rateLimit: false,
  })
  clerk = createClerkClient({
    secretKey: emulator.secretKey,
    apiUrl: emulator.apiUrl,
    publishableKey: emulator.publishableKey,
    telemetry: { disabled: true },
  })
})
afterAll(() => emulator.close())

describe('keys', () => {
  it('publishable key encodes the emulator host and the JWKS matches the JWT key', async () => {
    expect(emulator.publishableKey).toBe(`pk_test_${Buffer.from(`${emulator.frontendApi}$`).toString('base64').replace(/=+$/, '')}`)
    expect(emulator.secretKey).toMatch(/^sk_test_/)
    expect(emulator.jwtKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/)
    const res = await fetch(`${emulator.apiUrl}/v1/jwks`, { headers: { Authorization: `Bearer ${emulator.secretKey}` } })
    expect(res.headers.get('content-type')).toBe('application/json')
    const { keys } = (await res.json()) as { keys: Array<Record<string, string>> }
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ kty: 'RSA', e: 'AQAB', alg: 'RS256', use: 'sig' })
    expect(keys[0]?.kid).toBeTruthy()
    expect(emulator.env).toMatchObject({
      CLERK_API_URL: emulator.apiUrl,
      CLERK_SECRET_KEY: emulator.secretKey,
      CLERK_PUBLISHABLE_KEY: emulator.publishableKey,
      CLERK_JWT_KEY: emulator.jwtKey,
      CLERK_PROXY_URL: emulator.url,
      CLERK_SIGN_IN_URL: `${emulator.url}/sign-in`,
    })
  })
})

describe('users', () => {
  it('creates, lists, filters and gets users', async () => {
    const created = await clerk.users.createUser({ emailAddress: ['grace@example.com'], firstName: 'Grace', lastName: 'Hopper' })
    expect(created.id).toMatch(/^user_/)
    expect(created.firstName).toBe('Grace')
    expect(created.primaryEmailAddress?.emailAddress).toBe('grace@example.com')
    expect(created.primaryEmailAddress?.verification?.status).toBe('verified')

    const byEmail = await clerk.users.getUserList({ emailAddress: ['grace@example.com'] })
    expect(byEmail.totalCount).toBe(1)
    expect(byEmail.data[0]?.id).toBe(created.id)

    const byUsername = await clerk.users.getUserList({ username: ['ada_l'] })
    expect(byUsername.data.map((u) => u.firstName)).toEqual(['Ada'])

    const all = await clerk.users.getUserList()
    expect(all.totalCount).toBe(2)

    const fetched = await clerk.users.getUser(created.id)
    expect(fetched.fullName).toBe('Grace Hopper')
    expect(emulator.users.findByEmail('GRACE@example.com')?.id).toBe(created.id)

    const duplicate = await apiError(clerk.users.createUser({ emailAddress: ['grace@example.com'] }))
    expect(duplicate.status).toBe(422)
    expect(duplicate.errors[0]?.code).toBe('form_identifier_exists')

    const missing = await apiError(clerk.users.getUser('user_missing'))
    expect(missing.status).toBe(404)
  })
})

describe('agent tasks', () => {
  const base = {
    permissions: '*',
    agentName: 'Invoice bot',
    taskDescription: 'Pay the invoices',
    redirectUrl: 'http://127.0.0.1:3999/after',
  }

  it('creates by user id and by identifier', async () => {
    const ada = emulator.users.findByEmail('ada@example.com')!
    const byId = await clerk.agentTasks.create({ ...base, onBehalfOf: { userId: ada.id } })
    expect(byId.constructor.name).toMatch(/AgentTask/)
    expect(byId.agentTaskId).toMatch(/^agt_/)
    expect(byId.taskId).toBe(byId.agentTaskId)
    expect(byId.url).toMatch(new RegExp(`^${emulator.url}/v1/agents/tasks\\?ticket=[A-Za-z0-9_%-]+$`))

    const byEmail = await clerk.agentTasks.create({ ...base, onBehalfOf: { identifier: 'ada@example.com' } })
    const byUsername = await clerk.agentTasks.create({ ...base, agentName: 'Other bot', onBehalfOf: { identifier: 'ada_l' } })
    expect(byEmail.agentId).toBe(byId.agentId)
    expect(byUsername.agentId).not.toBe(byId.agentId)
    expect(byEmail.url).not.toBe(byId.url)

    const state = emulator.state.agentTasks().find((t) => t.id === byId.agentTaskId)
    expect(state).toMatchObject({ status: 'pending', userId: ada.id, agentName: 'Invoice bot', sessionMaxDurationInSeconds: 1800 })
    expect(JSON.stringify(emulator.state.agentTasks())).not.toContain(new URL(byId.url).searchParams.get('ticket'))
  })

  it('revokes pending tasks only', async () => {
    const task = await clerk.agentTasks.create({ ...base, onBehalfOf: { identifier: 'ada@example.com' } })
    const revoked = await clerk.agentTasks.revoke(task.agentTaskId)
    expect(revoked.agentTaskId).toBe(task.agentTaskId)
    expect((revoked as { url?: string }).url).toBeUndefined()

    const again = await apiError(clerk.agentTasks.revoke(task.agentTaskId))
    expect(again.status).toBe(400)
    expect(again.errors[0]?.code).toBe('agent_task_cannot_be_revoked')

    const used = await clerk.agentTasks.create({ ...base, onBehalfOf: { identifier: 'ada@example.com' } })
    const visit = await fetch(used.url, { redirect: 'manual' })
    expect(visit.status).toBe(307)
    const usedError = await apiError(clerk.agentTasks.revoke(used.agentTaskId))
    expect(usedError.status).toBe(400)
    expect(usedError.errors[0]?.code).toBe('agent_task_cannot_be_revoked')

    const unknown = await apiError(clerk.agentTasks.revoke('agt_unknown'))
    expect(unknown.status).toBe(404)
    expect(unknown.errors[0]?.code).toBe('agent_task_not_found')
  })

  it('rejects unknown subjects, unknown fields, missing fields and bad values', async () => {
    const noUser = await apiError(clerk.agentTasks.create({ ...base, onBehalfOf: { identifier: 'nobody@example.com' } }))
    expect(noUser.status).toBe(404)
    expect(noUser.errors[0]?.code).toBe('agent_task_subject_not_found')
    const noId = await apiError(clerk.agentTasks.create({ ...base, onBehalfOf: { userId: 'user_nope' } }))
    expect(noId.errors[0]?.code).toBe('agent_task_subject_not_found')

    const post = (body: unknown) =>
      fetch(`${emulator.apiUrl}/v1/agents/tasks`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${emulator.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    const valid = {
      on_behalf_of: { identifier: 'ada@example.com' },
      permissions: '*',
      agent_name: 'a',
      task_description: 'b',
      redirect_url: 'http://127.0.0.1:1/',
    }
    const unknown = await post({ ...valid, scopes: ['x'] })
    expect(unknown.status).toBe(422)
    expect(unknown.headers.get('content-type')).toBe('application/json')
    const body = (await unknown.json()) as { errors: Array<Record<string, unknown>>; clerk_trace_id: string }
    expect(Object.keys(body).sort()).toEqual(['clerk_trace_id', 'errors'])
    expect(Object.keys(body.errors[0] ?? {}).sort()).toEqual(['code', 'long_message', 'message', 'meta'])
    expect(body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'scopes' } })

    const { agent_name: _omit, ...withoutName } = valid
    const missing = (await (await post(withoutName)).json()) as typeof body
    expect(missing.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'agent_name' } })

    for (const bad of [
      { ...valid, permissions: 'read' },
      { ...valid, redirect_url: '/relative' },
      { ...valid, redirect_url: 'ftp://127.0.0.1/' },
      { ...valid, session_max_duration_in_seconds: 1.5 },
      { ...valid, on_behalf_of: { user_id: 'user_x', identifier: 'ada@example.com' } },
      { ...valid, on_behalf_of: { email: 'ada@example.com' } },
    ]) {
      const res = await post(bad)
      expect(res.status, JSON.stringify(bad)).toBe(422)
    }
    const malformed = await fetch(`${emulator.apiUrl}/v1/agents/tasks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.secretKey}`, 'Content-Type': 'application/json' },
      body: '{nope',
    })
    expect(malformed.status).toBe(400)
  })

  it('answers 401 for a wrong or missing secret key', async () => {
    const wrong = createClerkClient({ secretKey: 'sk_test_wrong', apiUrl: emulator.apiUrl, telemetry: { disabled: true } })
    const error = await apiError(wrong.agentTasks.create({ ...base, onBehalfOf: { identifier: 'ada@example.com' } }))
    expect(error.status).toBe(401)
    expect(error.errors[0]?.code).toBe('clerk_key_invalid')
    expect(typeof error.clerkTraceId).toBe('string')
    const none = await fetch(`${emulator.apiUrl}/v1/users`)
    expect(none.status).toBe(401)
  })
})

describe('sessions and tokens', () => {
  it('mints tokens that authenticateRequest accepts, with jwtKey and via JWKS', async () => {
    const ada = emulator.users.findByEmail('ada@example.com')!
    const session = await clerk.sessions.createSession({ userId: ada.id })
    expect(session.id).toMatch(/^sess_/)
    expect(session.status).toBe('active')
    expect(session.actor).toBeNull()
    const { jwt } = await clerk.sessions.getToken(session.id)

    const withKey = await clerk.authenticateRequest(bearerRequest(jwt), { jwtKey: emulator.jwtKey })
    expect(withKey.isAuthenticated).toBe(true)
    const auth = withKey.toAuth()
    expect(auth?.userId).toBe(ada.id)
    expect(auth && 'sessionId' in auth ? auth.sessionId : null).toBe(session.id)

    const jwksOnly = createClerkClient({
      secretKey: emulator.secretKey,
      apiUrl: emulator.apiUrl,
      publishableKey: emulator.publishableKey,
      telemetry: { disabled: true },
    })
    const viaJwks = await jwksOnly.authenticateRequest(bearerRequest(jwt))
    expect(viaJwks.isAuthenticated).toBe(true)
    expect(emulator.state.requests().some((r) => r.path === '/v1/jwks')).toBe(true)

    const [, payload] = jwt.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>
    expect(claims).toMatchObject({ sub: ada.id, sid: session.id, iss: `https://${emulator.frontendApi}`, v: 2, sts: 'active' })
    expect((claims.exp as number) - (claims.iat as number)).toBe(60)
    expect(claims.nbf).toBe((claims.iat as number) - 5)

    const list = await clerk.sessions.getSessionList({ userId: ada.id, status: 'active' })
    expect(list.data.map((s) => s.id)).toContain(session.id)
    expect(list.totalCount).toBeGreaterThanOrEqual(1)
    expect((await clerk.sessions.getSession(session.id)).userId).toBe(ada.id)
  })

  it('stops minting tokens for revoked sessions', async () => {
    const ada = emulator.users.findByEmail('ada@example.com')!
    const session = await clerk.sessions.createSession({ userId: ada.id })
    const revoked = await clerk.sessions.revokeSession(session.id)
    expect(revoked.status).toBe('revoked')
    const error = await apiError(clerk.sessions.getToken(session.id))
    expect(error.status).toBe(404)
    const template = await apiError(clerk.sessions.getToken((await clerk.sessions.createSession({ userId: ada.id })).id, 'custom'))
    expect(template.status).toBe(404)
  })

  it('signIn() gives a Bearer token, optionally with an actor', async () => {
    const ada = emulator.users.findByEmail('ada@example.com')!
    const { token, sessionId } = await emulator.signIn(ada.id, { actor: { type: 'agent', sub: 'agent_test' } })
    const state = await clerk.authenticateRequest(bearerRequest(token), { jwtKey: emulator.jwtKey })
    const auth = state.toAuth()
    expect(auth && 'actor' in auth ? auth.actor : undefined).toMatchObject({ type: 'agent', sub: 'agent_test' })
    expect(emulator.state.sessions().find((s) => s.id === sessionId)?.actor).toMatchObject({ type: 'agent' })
  })

  it('a token from another emulator instance is not accepted', async () => {
    const other = await startEmulator({ users: [{ email: 'x@example.com' }] })
    try {
      const { token } = await other.signIn(other.users.list()[0]!.id)
      const state = await clerk.authenticateRequest(bearerRequest(token), { jwtKey: emulator.jwtKey })
      expect(state.isAuthenticated).toBe(false)
    } finally {
      await other.close()
    }
  })
})
