import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { createClerkClient } from '@clerk/backend'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  authUnlessMiddlewareMissing,
  createAdapterKit,
  type FrameworkAdapter,
  hostHeaderOrigin,
} from '../src/adapter/index.js'
import { AgentTaskError, type AgentTasksAuth, createAgentTasks } from '../src/index.js'
import { rejection } from './rejection.js'

let emulator: Emulator
let ada: string

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com' }], rateLimit: false, allowedRedirectOrigins: ['https://app.example'] })
  ada = emulator.users.findByEmail('ada@example.com')?.id ?? ''
})
afterAll(() => emulator.close())

/** A framework whose request object is a Web `Request` with the caller beside it. */
interface TestNative {
  request: Request
  auth: AgentTasksAuth | undefined
}

const testAdapter: FrameworkAdapter<TestNative> = {
  name: '@agent-tasks/test-framework',
  missingMiddlewareFix: 'Add the test middleware.',
  readAuth: (native) => native.auth,
  requestOrigin: (native) => hostHeaderOrigin(native.request),
  clerkClient: () => createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl }),
}

const origin = 'https://app.example'
const post = (path = '/', headers: Record<string, string> = {}) =>
  new Request(`${origin}${path}`, { method: 'POST', headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', ...headers }, body: '{}' })

describe('the kit builds the whole instance', () => {
  it('instance(): the programmatic API and the store, with the adapter’s mount', async () => {
    const kit = createAdapterKit(testAdapter)
    const handler = () => 'mounted'
    const agentTasks = kit.instance({ handler, route: handler })
    expect(Object.keys(agentTasks).sort()).toEqual(['approvals', 'create', 'handler', 'list', 'revoke', 'revokeAll', 'route', 'store'])
    expect(agentTasks.handler).toBe(handler)
    const task = await agentTasks.create({ request: post(), auth: { userId: ada } }, { redirectUrl: '/home' })
    expect(task.redirectUrl).toBe(`${origin}/home`)
    expect(await agentTasks.store.get(task.agentTaskId)).toMatchObject({ ownerUserId: ada, status: 'pending' })
    expect((await agentTasks.list({ request: post(), auth: { userId: ada } })).data).toHaveLength(1)
  })

  it('currentRequestInstance(): methods take no request, and reject (never throw) outside one', async () => {
    const kit = createAdapterKit(testAdapter)
    let current: TestNative | undefined
    const agentTasks = kit.currentRequestInstance((method) => {
      if (current === undefined) throw new AgentTaskError('misconfigured', `agentTasks.${method}() runs inside a request.`)
      return current
    }, {})
    const outside = agentTasks.create({})
    expect(outside).toBeInstanceOf(Promise)
    expect(await rejection(outside)).toMatchObject({ code: 'misconfigured', message: 'agentTasks.create() runs inside a request.' })
    expect(await rejection(agentTasks.revokeAll())).toMatchObject({ message: 'agentTasks.revokeAll() runs inside a request.' })
    current = { request: post(), auth: { userId: ada } }
    const task = await agentTasks.create({ taskDescription: 'current request' })
    expect(task.onBehalfOf).toEqual({ userId: ada })
  })

  it('respondWeb(): a Web Response, missing middleware answered with the adapter’s fix', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const kit = createAdapterKit(testAdapter)
      const signedOut = await kit.respondWeb({ request: post(), auth: { userId: null } }, post(), '/')
      expect(signedOut.status).toBe(401)
      expect(signedOut.headers.get('cache-control')).toBe('no-store')
      const missing = await kit.respondWeb({ request: post(), auth: undefined }, post(), '/')
      expect(missing.status).toBe(500)
      expect((await missing.json()).detail).toContain("@agent-tasks/test-framework: Clerk's middleware did not run for this request, so the caller is unknown. Add the test middleware.")
      const created = await kit.respondWeb({ request: post(), auth: { userId: ada } }, post(), '/')
      expect(created.status).toBe(201)
    } finally {
      errors.mockRestore()
    }
  })
})

describe('one front door: core’s handle() answers as the kit does', () => {
  it('an unexpected error is logged once with credentials redacted and answered 500, as every adapter answers it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const core = createAgentTasks<unknown>({
        secretKey: emulator.secretKey,
        apiUrl: emulator.apiUrl,
        hooks: {},
        authorize: () => {
          throw new Error(`boom with ${emulator.secretKey}`)
        },
      })
      const response = await core.handle(post(), {
        auth: { userId: ada },
        context: undefined,
        path: '/',
        body: { value: { onBehalfOf: { userId: 'user_someoneelse' } } },
      })
      expect(response.status).toBe(500)
      expect((await response.json()).code).toBe('internal_error')
      const logged = errors.mock.calls.map((args) => args.join(' ')).join('\n')
      expect(logged).toContain('boom with')
      expect(logged).not.toContain(emulator.secretKey)
    } finally {
      errors.mockRestore()
    }
  })
})

describe('helpers for adapters', () => {
  it('hostHeaderOrigin: the Host header with the URL’s protocol, never X-Forwarded-Host', () => {
    const request = new Request('http://internal:8080/x', { headers: { Host: 'app.example:3000', 'X-Forwarded-Host': 'evil.example' } })
    expect(hostHeaderOrigin(request)).toBe('http://app.example:3000')
    expect(hostHeaderOrigin(new Request('https://app.example/x'))).toBe('https://app.example')
  })

  it('authUnlessMiddlewareMissing: undefined only for the SDK’s missing-middleware error', async () => {
    const read = authUnlessMiddlewareMissing((native: string) => {
      if (native === 'missing') throw new Error('Clerk: clerkMiddleware() not detected.')
      if (native === 'broken') throw new Error('network down')
      return { userId: native }
    }, /clerkMiddleware\(\) not detected/)
    expect(await read('user_1')).toEqual({ userId: 'user_1' })
    expect(await read('missing')).toBeUndefined()
    await expect(read('broken')).rejects.toThrow('network down')
  })
})
