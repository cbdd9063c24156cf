import { verifyToken } from '@clerk/backend'
import { afterEach, describe, expect, it } from 'vitest'
import { type Emulator, type EmulatorSnapshot, SnapshotError, startEmulator } from '../src/index.js'
import { apiError, clerkFor } from './helpers.js'

const started: Emulator[] = []
async function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const e = await startEmulator({ rateLimit: false, ...options })
  started.push(e)
  return e
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.close()))
})

function admin(e: Emulator, method: string, path: string, body?: unknown, key: string | null = e.secretKey): Promise<Response> {
  return fetch(`${e.apiUrl}${path}`, {
    method,
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  })
}

function mint(e: Emulator, agentName: string) {
  return clerkFor(e).agentTasks.create({
    onBehalfOf: { identifier: 'ada@example.com' },
    permissions: '*',
    agentName,
    taskDescription: 'snapshot test',
    redirectUrl: 'http://127.0.0.1:9/after',
  })
}

/** Opens an agent-task link (on `on`, whatever emulator minted it) without following the redirect. */
async function useLink(link: string, on: Emulator): Promise<Response> {
  const url = new URL(link)
  return fetch(`${on.url}${url.pathname}${url.search}`, { redirect: 'manual' })
}

describe('state export and import', () => {
  it('a snapshot imported over HTTP into a fresh emulator keeps users, sessions and links as they were', async () => {
    const a = await emulator({ users: [{ email: 'ada@example.com', firstName: 'Ada', password: 'ada-password-1' }] })
    const ada = a.users.findByEmail('ada@example.com')
    if (!ada) throw new Error('no ada')
    const { sessionId } = await a.signIn(ada.id)
    const pending = await mint(a, 'Invoice bot')
    const used = await mint(a, 'Invoice bot')
    expect((await useLink(used.url ?? '', a)).status).toBe(307)
    const revoked = await mint(a, 'Other bot')
    await clerkFor(a).agentTasks.revoke(revoked.agentTaskId)

    const exported = await admin(a, 'GET', '/_emulator/state')
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toBe('application/json')
    const text = await exported.text()
    for (const link of [pending, used, revoked]) expect(text).not.toContain(new URL(link.url ?? '').searchParams.get('ticket'))
    expect(text).not.toContain('ada-password-1')
    const snapshot = JSON.parse(text) as EmulatorSnapshot
    expect(snapshot).toMatchObject({ format: 'agent-tasks-emulator/state', version: 1, instance: 'development' })
    expect(snapshot.users[0]?.passwordHash).toMatch(/^scrypt\$/)
    expect(snapshot.agentTasks.map((t) => t.status)).toEqual(['pending', 'used', 'revoked'])

    const b = await emulator()
    const put = await admin(b, 'PUT', '/_emulator/state', snapshot)
    expect(put.status).toBe(200)
    expect(await put.json()).toEqual({ object: 'emulator_state', imported: { users: 1, clients: 2, sessions: 2, agentTasks: 3 } })

    const clerk = clerkFor(b)
    expect((await clerk.users.getUser(ada.id)).primaryEmailAddress?.emailAddress).toBe('ada@example.com')
    expect(await clerk.users.verifyPassword({ userId: ada.id, password: 'ada-password-1' })).toEqual({ verified: true })
    // The session signed in on A is active on B, and B mints tokens for it that verify with B's key.
    expect((await clerk.sessions.getSession(sessionId)).status).toBe('active')
    const { jwt } = await clerk.sessions.getToken(sessionId)
    const claims = await verifyToken(jwt, { jwtKey: b.jwtKey })
    expect(claims).toMatchObject({ sub: ada.id, sid: sessionId })

    // Links follow their state: the pending one works (once), the used and revoked ones are refused.
    const opened = await useLink(pending.url ?? '', b)
    expect(opened.status).toBe(307)
    expect(opened.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:9\/after\?/)
    expect(b.state.agentTasks().find((t) => t.id === pending.agentTaskId)).toMatchObject({ status: 'used', sessionId: expect.stringMatching(/^sess_/) })
    expect((await useLink(pending.url ?? '', b)).status).toBe(400)
    expect(((await (await useLink(used.url ?? '', b)).json()) as { errors: [{ code: string }] }).errors[0].code).toBe('agent_task_already_used')
    expect(((await (await useLink(revoked.url ?? '', b)).json()) as { errors: [{ code: string }] }).errors[0].code).toBe('agent_task_revoked')
    // An agent keeps its id: a new link for the same agent name on B has A's agent id.
    expect((await mint(b, 'Invoice bot')).agentId).toBe(pending.agentId)
  })

  it('programmatic export/import round-trips, and the snapshot is a copy', async () => {
    const a = await emulator({ users: [{ email: 'ada@example.com', publicMetadata: { role: 'admin' } }] })
    await a.signIn(a.users.list()[0]?.id ?? '')
    await mint(a, 'bot')
    const snapshot = a.state.export()
    const b = await emulator()
    b.state.import(JSON.parse(JSON.stringify(snapshot)))
    const { exportedAt: _a, ...before } = snapshot
    const { exportedAt: _b, ...after } = b.state.export()
    expect(after).toEqual(before)
    // Changing the exported object changes nothing in the emulator.
    ;(snapshot.users[0]?.publicMetadata as Record<string, unknown>).role = 'changed'
    expect(a.state.export().users[0]?.publicMetadata).toEqual({ role: 'admin' })
    expect(b.users.list().map((u) => u.email)).toEqual(['ada@example.com'])
    expect(b.state.sessions()).toHaveLength(1)
  })

  it('a bad snapshot is refused with the field named, and changes nothing', async () => {
    const a = await emulator({ users: [{ email: 'ada@example.com', password: 'pw' }] })
    const good = a.state.export()
    const b = await emulator({ users: [{ email: 'keep@example.com' }] })
    const bad = structuredClone(good)
    ;(bad.users[0] as { passwordHash: string }).passwordHash = 'plain text password'
    const res = await admin(b, 'PUT', '/_emulator/state', bad)
    expect(res.status).toBe(422)
    const body = (await res.json()) as { errors: Array<{ code: string; long_message: string; meta: { param_name: string } }> }
    expect(body.errors[0]).toMatchObject({
      code: 'snapshot_invalid',
      long_message: 'snapshot: users[0].passwordHash: must be a scrypt$… hash written by this emulator (or null).',
      meta: { param_name: 'users[0].passwordHash' },
    })
    expect(b.users.list().map((u) => u.email)).toEqual(['keep@example.com'])

    const cases: Array<[(s: Record<string, unknown>) => unknown, string]> = [
      [(s) => ({ ...s, format: 'something-else' }), 'snapshot: format: must be "agent-tasks-emulator/state"'],
      [(s) => ({ ...s, version: 2 }), 'snapshot: version: must be 1; this emulator cannot read version 2.'],
      [(s) => ({ ...s, users: [{ ...(s.users as object[])[0], nickname: 'x' }] }), 'snapshot: users[0].nickname: unknown field.'],
      [(s) => ({ ...s, users: [...(s.users as object[]), ...(s.users as object[])] }), 'snapshot: users[1].id: "'],
      [(s) => ({ ...s, clients: [] }), 'snapshot: sessions[0].clientId: "client_'],
      [(s) => ({ ...s, agentTasks: [{ ...(s.agentTasks as object[])[0], ticket: 'x' }] }), 'snapshot: agentTasks[0].ticket: unknown field.'],
      [() => [], 'snapshot: must be a JSON object'],
    ]
    await a.signIn(a.users.list()[0]?.id ?? '')
    await mint(a, 'bot')
    const full = a.state.export() as unknown as Record<string, unknown>
    for (const [change, message] of cases) {
      let thrown: unknown
      try {
        b.state.import(change(structuredClone(full)))
      } catch (error) {
        thrown = error
      }
      expect(thrown, message).toBeInstanceOf(SnapshotError)
      expect((thrown as Error).message).toContain(message)
    }
    expect(b.users.list().map((u) => u.email)).toEqual(['keep@example.com'])
    expect((await admin(b, 'PUT', '/_emulator/state', '{not json')).status).toBe(400)
  })

  it('POST /_emulator/reset forgets sessions and links but keeps users; every /_emulator/ endpoint needs the secret key', async () => {
    const a = await emulator({ users: [{ email: 'ada@example.com', password: 'pw' }] })
    const { sessionId } = await a.signIn(a.users.list()[0]?.id ?? '')
    await mint(a, 'bot')
    for (const [method, path] of [
      ['POST', '/_emulator/reset'],
      ['GET', '/_emulator/state'],
      ['PUT', '/_emulator/state'],
    ] as const) {
      expect((await admin(a, method, path, undefined, null)).status, `${method} ${path}`).toBe(401)
      expect((await admin(a, method, path, undefined, 'sk_test_wrong')).status, `${method} ${path}`).toBe(401)
    }
    expect(a.state.sessions()).toHaveLength(1)
    const res = await admin(a, 'POST', '/_emulator/reset')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ object: 'emulator_state', reset: true })
    expect(a.state.sessions()).toHaveLength(0)
    expect(a.state.agentTasks()).toHaveLength(0)
    expect((await apiError(clerkFor(a).sessions.getSession(sessionId))).status).toBe(404)
    expect(a.users.list().map((u) => u.email)).toEqual(['ada@example.com'])
    expect(await clerkFor(a).users.verifyPassword({ userId: a.users.list()[0]?.id ?? '', password: 'pw' })).toEqual({ verified: true })
  })
})
