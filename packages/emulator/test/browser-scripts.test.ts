import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com' }], rateLimit: false })
})
afterAll(() => emulator.close())

describe('stand-ins for Clerk’s browser bundles', () => {
  it('serves clerk-js and the UI bundle at the URLs its env names, loadable cross-origin', async () => {
    for (const [name, global] of [
      ['CLERK_JS_URL', 'window.Clerk'],
      ['CLERK_UI_URL', 'window.__internal_ClerkUICtor'],
    ] as const) {
      const url = emulator.env[name]
      expect(url?.startsWith(`${emulator.apiUrl}/npm/@clerk/`)).toBe(true)
      const response = await fetch(url ?? '', { headers: { Origin: 'http://127.0.0.1:3000' } })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(await response.text()).toContain(`${global} =`)
    }
  })
})
