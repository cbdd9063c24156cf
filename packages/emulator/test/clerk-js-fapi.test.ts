import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EnvironmentJSON } from '@clerk/shared/types'
import { startEmulator } from '../src/index.js'
import type { Emulator } from '../src/types.js'

const APP = 'http://127.0.0.1:5173'
const QUERY = '__clerk_api_version=2026-08-20&_clerk_js_version=6.40.0'

// The Frontend API clerk-js calls, at the HTTP level (no browser): CORS, envelopes, error shapes.
describe('clerk-js Frontend API over HTTP', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ tls: false, users: [{ email: 'ada@example.com', password: 'correct horse battery' }, { email: 'grace+clerk_test@example.com' }] })
  })
  afterAll(() => emulator.close())

  it('answers a CORS preflight with the page origin and credentials', async () => {
    const res = await fetch(`${emulator.url}/v1/client/sign_ins?${QUERY}`, {
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type')
  })

  it('gives no CORS grant to an origin the instance does not allow', async () => {
    const res = await fetch(`${emulator.url}/v1/environment?${QUERY}`, { headers: { Origin: 'https://evil.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('serves the environment, also for the PATCH clerk-js sends as POST ?_method=PATCH', async () => {
    const res = await fetch(`${emulator.url}/v1/environment?${QUERY}&_method=PATCH`, { method: 'POST', headers: { Origin: APP } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    const body = (await res.json()) as EnvironmentJSON
    expect(body.object).toBe('environment')
    expect(body.auth_config.single_session_mode).toBe(true)
    expect(body.user_settings.attributes.password.enabled).toBe(true)
    expect(body.user_settings.attributes.email_address.first_factors).toEqual(['email_code'])
    expect(body.display_config.captcha_public_key).toBeNull()
  })

  it('answers GET /v1/client with a null client for a new browser', async () => {
    const res = await fetch(`${emulator.url}/v1/client?${QUERY}`, { headers: { Origin: APP } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ response: null, client: null })
  })

  it('refuses an unknown dev browser with dev_browser_unauthenticated (401)', async () => {
    const res = await fetch(`${emulator.url}/v1/client?${QUERY}&__clerk_db_jwt=dvb_unknown`, { headers: { Origin: APP } })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    const body = (await res.json()) as { errors: Array<{ code: string }> }
    expect(body.errors[0]?.code).toBe('dev_browser_unauthenticated')
  })

  it('makes a dev browser that then names a client', async () => {
    const made = await fetch(`${emulator.url}/v1/dev_browser?${QUERY}`, { method: 'POST', headers: { Origin: APP } })
    const { id } = (await made.json()) as { id: string }
    expect(id).toMatch(/^dvb_/)
    const put = await fetch(`${emulator.url}/v1/client?${QUERY}&__clerk_db_jwt=${id}`, { method: 'PUT', headers: { Origin: APP } })
    const created = (await put.json()) as { response: { id: string; object: string } }
    expect(created.response.object).toBe('client')
    const got = await fetch(`${emulator.url}/v1/client?${QUERY}&__clerk_db_jwt=${id}`, { headers: { Origin: APP } })
    expect(((await got.json()) as { response: { id: string } }).response.id).toBe(created.response.id)
  })

  it('refuses an unknown identifier with form_identifier_not_found (422)', async () => {
    const res = await fetch(`${emulator.url}/v1/client/sign_ins?${QUERY}`, {
      method: 'POST',
      headers: { Origin: APP, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'identifier=nobody%40example.com',
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { errors: Array<{ code: string; meta: { param_name?: string } }> }
    expect(body.errors[0]).toMatchObject({ code: 'form_identifier_not_found', meta: { param_name: 'identifier' } })
  })

  it('refuses a wrong password with form_password_incorrect (422) in Clerk\'s error shape', async () => {
    const res = await fetch(`${emulator.url}/v1/client/sign_ins?${QUERY}`, {
      method: 'POST',
      headers: { Origin: APP, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'identifier=ada%40example.com&strategy=password&password=wrong',
    })
    expect(res.status).toBe(422)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    const body = (await res.json()) as { errors: unknown[]; clerk_trace_id: string }
    expect(body.errors).toEqual([
      {
        code: 'form_password_incorrect',
        message: 'Password is incorrect. Try again, or use another method.',
        long_message: 'Password is incorrect. Try again, or use another method.',
        meta: { param_name: 'password' },
      },
    ])
    expect(emulator.state.sessions()).toEqual([])
  })

  async function emailCodeSignIn(email: string): Promise<{ attempt(code: string): Promise<Response>; codeShown: string | undefined }> {
    const made = (await (await fetch(`${emulator.url}/v1/dev_browser?${QUERY}`, { method: 'POST', headers: { Origin: APP } })).json()) as { id: string }
    const q = `${QUERY}&__clerk_db_jwt=${made.id}`
    const form = { Origin: APP, 'Content-Type': 'application/x-www-form-urlencoded' }
    await fetch(`${emulator.url}/v1/client?${q}`, { method: 'PUT', headers: { Origin: APP } })
    const created = (await (
      await fetch(`${emulator.url}/v1/client/sign_ins?${q}`, { method: 'POST', headers: form, body: `identifier=${encodeURIComponent(email)}` })
    ).json()) as { response: { id: string } }
    const id = created.response.id
    const prepared = await fetch(`${emulator.url}/v1/client/sign_ins/${id}/prepare_first_factor?${q}`, { method: 'POST', headers: form, body: 'strategy=email_code' })
    expect(prepared.status).toBe(200)
    return {
      codeShown: emulator.state.emailCodes().find((entry) => entry.email === email)?.code,
      attempt: (code) =>
        fetch(`${emulator.url}/v1/client/sign_ins/${id}/attempt_first_factor?${q}`, { method: 'POST', headers: form, body: `strategy=email_code&code=${code}` }),
    }
  }

  it("takes Clerk's test code 424242 for a +clerk_test address (what @clerk/testing sends), and only for one", async () => {
    const test = await emailCodeSignIn('grace+clerk_test@example.com')
    expect(test.codeShown).toBe('424242')
    const signedIn = await test.attempt('424242')
    expect(signedIn.status).toBe(200)
    expect(((await signedIn.json()) as { response: { status: string } }).response.status).toBe('complete')

    const plain = await emailCodeSignIn('ada@example.com')
    expect(plain.codeShown).toMatch(/^\d{6}$/)
    if (plain.codeShown !== '424242') expect((await plain.attempt('424242')).status).toBe(422)
  })

  it("serves the user's avatar over plain http (a browser that does not trust the https certificate still loads it)", async () => {
    const made = (await (await fetch(`${emulator.url}/v1/dev_browser?${QUERY}`, { method: 'POST', headers: { Origin: APP } })).json()) as { id: string }
    const signedIn = await fetch(`${emulator.url}/v1/client/sign_ins?${QUERY}&__clerk_db_jwt=${made.id}`, {
      method: 'POST',
      headers: { Origin: APP, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'identifier=ada%40example.com&strategy=password&password=correct%20horse%20battery',
    })
    const body = (await signedIn.json()) as { client: { sessions: Array<{ user: { image_url: string } }> } }
    const imageUrl = body.client.sessions[0]?.user.image_url ?? ''
    expect(imageUrl.startsWith(`${emulator.url}/v1/img/`)).toBe(true)
    const image = await fetch(imageUrl, { headers: { Origin: APP } })
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
  })

  it('shows email codes to people on a loopback host only, and as JSON behind the secret key', async () => {
    await emailCodeSignIn('grace+clerk_test@example.com')
    const port = new URL(emulator.url).port
    const page = await fetch(`${emulator.url}/email-codes`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(await page.text()).toContain('424242')
    const { request } = await import('node:http')
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/email-codes', headers: { Host: `attacker.example:${port}` } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(rebound).toBe(403)
    expect((await fetch(`${emulator.url}/_emulator/email-codes`)).status).toBe(401)
    const listed = await fetch(`${emulator.url}/_emulator/email-codes`, { headers: { Authorization: `Bearer ${emulator.secretKey}` } })
    const body = (await listed.json()) as { data: Array<{ email: string; code: string }> }
    expect(body.data).toContainEqual(expect.objectContaining({ email: 'grace+clerk_test@example.com', code: '424242' }))
  })
})
