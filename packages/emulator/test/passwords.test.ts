import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { Store } from '../src/state/store.js'
import { apiError, clerkFor } from './helpers.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({
    users: [{ email: 'ada@example.com', firstName: 'Ada', password: 'correct horse battery staple' }, { email: 'nopass@example.com' }],
    rateLimit: false,
  })
})
afterAll(() => emulator.close())

async function rawUser(id: string): Promise<string> {
  const res = await fetch(`${emulator.apiUrl}/v1/users/${id}`, { headers: { Authorization: `Bearer ${emulator.secretKey}` } })
  expect(res.status).toBe(200)
  return res.text()
}

describe('passwords', () => {
  it('seeded password: password_enabled, and neither the password nor its hash in any response', async () => {
    const ada = emulator.users.findByEmail('ada@example.com')
    expect(ada?.passwordEnabled).toBe(true)
    const text = await rawUser(ada?.id ?? '')
    expect(JSON.parse(text)).toMatchObject({ password_enabled: true })
    expect(text).not.toContain('correct horse')
    expect(text).not.toContain('scrypt')
    const list = await fetch(`${emulator.apiUrl}/v1/users`, { headers: { Authorization: `Bearer ${emulator.secretKey}` } })
    expect(await list.text()).not.toContain('scrypt')
    const clerk = clerkFor(emulator)
    expect((await clerk.users.getUser(ada?.id ?? '')).passwordEnabled).toBe(true)
    const nopass = emulator.users.findByEmail('nopass@example.com')
    expect((await clerk.users.getUser(nopass?.id ?? '')).passwordEnabled).toBe(false)
  })

  it('verify_password through the SDK: right → verified, wrong → 422 form_password_incorrect', async () => {
    const clerk = clerkFor(emulator)
    const ada = emulator.users.findByEmail('ada@example.com')
    expect(await clerk.users.verifyPassword({ userId: ada?.id ?? '', password: 'correct horse battery staple' })).toEqual({ verified: true })
    const wrong = await apiError(clerk.users.verifyPassword({ userId: ada?.id ?? '', password: 'Correct horse battery staple' }))
    expect(wrong.status).toBe(422)
    expect(wrong.errors[0]?.code).toBe('form_password_incorrect')
    const none = emulator.users.findByEmail('nopass@example.com')
    expect((await apiError(clerk.users.verifyPassword({ userId: none?.id ?? '', password: 'anything-at-all' }))).status).toBe(422)
  })

  it('POST /v1/users with a password: too short → 422 naming password; skip_password_checks allows it', async () => {
    const clerk = clerkFor(emulator)
    const short = await apiError(clerk.users.createUser({ emailAddress: ['short@example.com'], password: 'seven77' }))
    expect(short.status).toBe(422)
    expect(short.errors[0]).toMatchObject({ code: 'form_password_length_too_short', meta: { paramName: 'password' } })
    expect(emulator.users.findByEmail('short@example.com')).toBeUndefined()

    const skipped = await clerk.users.createUser({ emailAddress: ['short@example.com'], password: 'pw', skipPasswordChecks: true })
    expect(skipped.passwordEnabled).toBe(true)
    expect(await clerk.users.verifyPassword({ userId: skipped.id, password: 'pw' })).toEqual({ verified: true })

    const noPassword = await clerk.users.createUser({ emailAddress: ['later@example.com'], skipPasswordRequirement: true })
    expect(noPassword.passwordEnabled).toBe(false)
  })

  it('PATCH /v1/users/:id sets a password (checked the same way) and can sign out the other sessions', async () => {
    const clerk = clerkFor(emulator)
    const user = await clerk.users.createUser({ emailAddress: ['grace@example.com'], firstName: 'Grace' })
    const { sessionId } = await emulator.signIn(user.id)
    const short = await apiError(clerk.users.updateUser(user.id, { password: 'short' }))
    expect(short.errors[0]).toMatchObject({ code: 'form_password_length_too_short', meta: { paramName: 'password' } })

    const updated = await clerk.users.updateUser(user.id, { password: 'a long enough one', lastName: 'Hopper', signOutOfOtherSessions: true })
    expect(updated.passwordEnabled).toBe(true)
    expect(updated.lastName).toBe('Hopper')
    expect(await clerk.users.verifyPassword({ userId: user.id, password: 'a long enough one' })).toEqual({ verified: true })
    expect((await clerk.sessions.getSession(sessionId)).status).toBe('revoked')
  })

  it('store.verifyPassword: salted (two users with one password get different hashes), unknown user false', () => {
    const store = new Store()
    const a = store.createUser({ email: 'a@example.com', password: 'same password' })
    const b = store.createUser({ email: 'b@example.com', password: 'same password' })
    expect(a.passwordHash).toMatch(/^scrypt\$/)
    expect(a.passwordHash).not.toBe(b.passwordHash)
    expect(a.passwordHash).not.toContain('same password')
    expect(store.verifyPassword(a.id, 'same password')).toBe(true)
    expect(store.verifyPassword(a.id, 'same passwore')).toBe(false)
    expect(store.verifyPassword('user_missing', 'same password')).toBe(false)
    store.setPassword(a.id, null)
    expect(store.verifyPassword(a.id, 'same password')).toBe(false)
  })

  it('PATCH /v1/users/:id sends one user.updated webhook, with or without a password', async () => {
    const bodies: Array<{ type: string; data: { first_name: string | null } }> = []
    const receiver = createServer((req, res) => {
      let text = ''
      req.on('data', (chunk: Buffer) => {
        text += chunk.toString()
      })
      req.on('end', () => {
        bodies.push(JSON.parse(text))
        res.end()
      })
    })
    receiver.listen(0, '127.0.0.1')
    await once(receiver, 'listening')
    const hooked = await startEmulator({
      users: [{ email: 'ada@example.com' }],
      rateLimit: false,
      webhooks: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, retryDelaysMs: [] },
    })
    try {
      const clerk = clerkFor(hooked)
      const id = hooked.users.list()[0]?.id ?? ''
      await clerk.users.updateUser(id, { firstName: 'Ada' })
      await clerk.users.updateUser(id, { firstName: 'Augusta', password: 'a long enough one' })
      await expect.poll(() => bodies.filter((b) => b.type === 'user.updated').length).toBe(2)
      expect(bodies.filter((b) => b.type === 'user.updated').map((b) => b.data.first_name)).toEqual(['Ada', 'Augusta'])
    } finally {
      await hooked.close()
      receiver.close()
    }
  })
})
