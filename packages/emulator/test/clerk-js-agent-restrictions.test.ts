import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../src/index.js'
import type { Emulator } from '../src/types.js'
import { mintAdaLink } from './helpers.js'

const APP = 'http://127.0.0.1:5173'
const QUERY = '__clerk_api_version=2026-08-20&_clerk_js_version=6.40.0'

interface ClerkErrorBody {
  errors: Array<{ code: string; message: string; long_message: string; meta: Record<string, unknown> }>
  clerk_trace_id: string
}

// An agent session (from an agent-task link) may not sign out, switch organization or change the profile.
describe('restricted agent sessions in the Frontend API', () => {
  let emulator: Emulator
  let cookie: string
  let sessionId: string

  /** A Frontend API call as clerk-js makes it from the page (POST with `?_method=` for other verbs). */
  function fapi(path: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', body = ''): Promise<Response> {
    const override = method === 'PATCH' || method === 'DELETE' ? `&_method=${method}` : ''
    return fetch(`${emulator.url}${path}?${QUERY}${override}&_clerk_session_id=${sessionId}`, {
      method: method === 'GET' ? 'GET' : 'POST',
      headers: { Origin: APP, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      ...(method === 'GET' ? {} : { body }),
    })
  }

  async function expectRefused(res: Response, action: string): Promise<void> {
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    const body = (await res.json()) as ClerkErrorBody
    expect(body.errors).toHaveLength(1)
    expect(body.errors[0]).toMatchObject({ code: 'agent_session_restricted', meta: { session_id: sessionId, action } })
    expect(body.errors[0]?.long_message).toMatch(/^An agent session cannot /)
    expect(typeof body.clerk_trace_id).toBe('string')
  }

  beforeAll(async () => {
    emulator = await startEmulator({ tls: false, users: [{ email: 'ada@example.com', password: 'correct horse battery' }] })
    const task = await mintAdaLink(emulator, `${APP}/after`)
    const landed = await fetch(task.url, { redirect: 'manual' })
    expect(landed.status).toBe(307)
    cookie = (landed.headers.getSetCookie().find((c) => c.startsWith('__client=')) ?? '').split(';')[0] ?? ''
    const session = emulator.state.sessions().find((s) => s.status === 'active')
    expect(session?.actor).toMatchObject({ type: 'agent' })
    sessionId = session?.id ?? ''
  })
  afterAll(() => emulator.close())

  it('lets the agent session load, touch and get tokens as usual', async () => {
    const client = (await (await fapi('/v1/client', 'GET')).json()) as { response: { sessions: Array<{ id: string; actor: unknown }> } }
    expect(client.response.sessions.map((s) => s.id)).toEqual([sessionId])
    expect((await fapi(`/v1/client/sessions/${sessionId}/touch`, 'POST', 'active_organization_id=')).status).toBe(200)
    expect((await fapi(`/v1/client/sessions/${sessionId}/tokens`, 'POST')).status).toBe(200)
    expect((await fapi('/v1/me', 'GET')).status).toBe(200)
  })

  it('refuses sign-out in every form clerk-js sends it', async () => {
    await expectRefused(await fapi('/v1/client/sessions', 'DELETE'), 'sign_out')
    await expectRefused(await fapi('/v1/client', 'DELETE'), 'sign_out')
    await expectRefused(await fapi(`/v1/client/sessions/${sessionId}/remove`, 'POST'), 'sign_out')
    await expectRefused(await fapi(`/v1/client/sessions/${sessionId}/end`, 'POST'), 'sign_out')
    await expectRefused(await fapi(`/v1/me/sessions/${sessionId}/revoke`, 'POST'), 'sign_out')
  })

  it('refuses an organization switch (touch with an active_organization_id)', async () => {
    await expectRefused(await fapi(`/v1/client/sessions/${sessionId}/touch`, 'POST', 'active_organization_id=org_123'), 'organization_switch')
  })

  it('refuses profile changes', async () => {
    await expectRefused(await fapi('/v1/me', 'PATCH', 'first_name=Mallory'), 'profile_change')
    await expectRefused(await fapi('/v1/me/change_password', 'POST', 'current_password=a&new_password=b'), 'profile_change')
    await expectRefused(await fapi('/v1/me/email_addresses', 'POST', 'email_address=m%40example.com'), 'profile_change')
    await expectRefused(await fapi('/v1/me', 'DELETE'), 'profile_change')
    expect(emulator.users.findByEmail('ada@example.com')?.firstName).toBeNull()
  })

  it('leaves the agent session active after every refusal', () => {
    expect(emulator.state.sessions().find((s) => s.id === sessionId)?.status).toBe('active')
  })
})
