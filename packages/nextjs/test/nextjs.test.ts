import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fixtureEnv } from '@agent-tasks/conformance/fixture'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from './support/fixture-server.js'
import { fixtureDir } from './support/paths.js'

let emulator: Emulator
let server: FixtureServer
let origin: string
let userId: string
let token: string

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada' }], rateLimit: false })
  const user = emulator.users.findByEmail('ada@example.com')
  if (!user) throw new Error('no seeded user')
  userId = user.id
  token = (await emulator.signIn(userId)).token
  // The conformance routes are not called here; their options only need the variables to exist.
  server = await startFixtureServer({
    ...emulator.env,
    ...fixtureEnv({ eventsUrl: 'http://127.0.0.1:9/unused', adminUserId: 'user_unused' }),
  })
  origin = server.origin
})

afterAll(async () => {
  await server?.close()
  await emulator?.close()
})

const bearer = () => ({ Authorization: `Bearer ${token}` })

/** The `$ACTION_ID_…` field React renders into a `<form action={serverAction}>`, per form. */
async function serverActionIds(): Promise<{ mint: string; revoke: string }> {
  const html = await (await fetch(`${origin}/actions`, { headers: bearer() })).text()
  const idIn = (form: string) => {
    const match = new RegExp(`data-form="${form}"[^]*?name="(\\$ACTION_ID_[0-9a-f]+)"`).exec(html)
    if (!match?.[1]) throw new Error(`no server action in the ${form} form:\n${html}`)
    return match[1]
  }
  return { mint: idIn('mint'), revoke: idIn('revoke') }
}

/** Submits a server-action form as a browser without JavaScript does; answers the 303 target. */
async function submitAction(actionId: string, fields: Record<string, string>, headers: Record<string, string>) {
  const form = new FormData()
  form.set(actionId, '')
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  const response = await fetch(`${origin}/actions`, {
    method: 'POST',
    headers: { Origin: origin, ...headers },
    body: form,
    redirect: 'manual',
  })
  expect(response.status).toBe(303)
  return new URL(response.headers.get('location') ?? '', origin).searchParams
}

describe('@agent-tasks/nextjs in a built app', () => {
  it('mints and revokes from Server Actions with agentTasks.create() and .revoke(), on the routes’ instance', async () => {
    const actions = await serverActionIds()
    const created = await submitAction(actions.mint, { taskDescription: 'From a Server Action' }, bearer())
    const agentTaskId = created.get('created')
    expect(created.get('error')).toBeNull()
    expect(agentTaskId).toEqual(expect.any(String))
    expect(created.get('redirect')).toBe(`${origin}/dashboard`)
    expect(emulator.state.agentTasks().find((t) => t.id === agentTaskId)).toMatchObject({
      userId,
      taskDescription: 'From a Server Action',
      status: 'pending',
    })

    const revoked = await submitAction(actions.revoke, { agentTaskId: agentTaskId ?? '' }, bearer())
    expect(revoked.get('revoked')).toBe(agentTaskId)
    expect(emulator.state.agentTasks().find((t) => t.id === agentTaskId)?.status).toBe('revoked')

    const again = await submitAction(actions.revoke, { agentTaskId: agentTaskId ?? '' }, bearer())
    expect(again.get('error')).toBe('agent_task_already_revoked')
    // The route handlers share the Server Actions' instance: the contract knows the record too.
    const viaRoute = await fetch(`${origin}/api/agent-tasks/${agentTaskId}/revoke`, { method: 'POST', headers: bearer() })
    expect((await viaRoute.json()).code).toBe('agent_task_already_revoked')
    const signedOut = await submitAction(actions.mint, { taskDescription: 'x' }, {})
    expect(signedOut.get('error')).toBe('unauthenticated')
  })

  it('counts a user’s mints from Server Actions and from route handlers against one rate limit', async () => {
    // Next.js evaluates lib/agent-tasks.ts once per bundle layer: the Server Actions' instance and the
    // route handlers' are two objects. The default limit (30 links per user per minute) is one budget.
    const user = emulator.users.create({ email: 'rate-limit@example.com', firstName: 'Rate' })
    const auth = { Authorization: `Bearer ${(await emulator.signIn(user.id)).token}` }
    const actions = await serverActionIds()
    for (let n = 1; n <= 20; n += 1) {
      expect((await submitAction(actions.mint, { taskDescription: `Action ${n}` }, auth)).get('error')).toBeNull()
    }
    const viaRoute: Array<{ status: number; rateLimit: string | null }> = []
    for (let n = 1; n <= 11; n += 1) {
      const response = await fetch(`${origin}/api/agent-tasks`, { method: 'POST', headers: auth })
      viaRoute.push({ status: response.status, rateLimit: response.headers.get('ratelimit') })
      await response.body?.cancel()
    }
    expect(viaRoute[0]?.rateLimit).toMatch(/^"mint";r=9;/)
    expect(viaRoute.map((r) => r.status)).toEqual([...Array(10).fill(201), 429])
    expect(emulator.state.agentTasks().filter((t) => t.userId === user.id)).toHaveLength(30)
  })

  it('runs on the edge runtime (the admin conformance route)', async () => {
    const manifest = JSON.parse(readFileSync(join(fixtureDir, '.next/server/middleware-manifest.json'), 'utf8')) as {
      functions: Record<string, unknown>
    }
    expect(Object.keys(manifest.functions)).toContain('/admin/api/agent-tasks/[[...path]]/route')

    const minted = await fetch(`${origin}/admin/api/agent-tasks`, {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ redirectUrl: '/reports' }),
    })
    expect(minted.status).toBe(201)
    const { agentTask } = await minted.json()
    expect(agentTask.redirectUrl).toBe(`${origin}/reports`)
    const revoked = await fetch(`${origin}/admin/api/agent-tasks/${agentTask.agentTaskId}/revoke`, { method: 'POST', headers: bearer() })
    expect(revoked.status).toBe(200)
  })

  it.each([
    ['derived below another dynamic segment', '/teams/acme/agent-tasks'],
    ['given as the basePath option', '/with-base-path'],
  ])('serves the contract at a mount point %s', async (_name, base) => {
    const minted = await fetch(`${origin}${base}`, { method: 'POST', headers: bearer() })
    expect(minted.status).toBe(201)
    const { agentTask } = await minted.json()
    const revoked = await fetch(`${origin}${base}/${agentTask.agentTaskId}/revoke`, { method: 'POST', headers: bearer() })
    expect(revoked.status).toBe(200)
    const elsewhere = await fetch(`${origin}${base}/${agentTask.agentTaskId}/unknown`, { method: 'POST', headers: bearer() })
    expect((await elsewhere.json()).code).toBe('not_found')
  })

  it('never printed a link', () => {
    const printed = server.output()
    expect(printed).not.toMatch(/ticket=/)
    expect(printed).not.toContain(emulator.secretKey)
  })
})
