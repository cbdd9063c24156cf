import { createGunzip, gzipSync } from 'node:zlib'
import { sessionCookies } from '@agent-tasks/conformance'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { clerkPlugin } from '@clerk/fastify'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import { AgentTaskError, createAgentTasks } from '../src/index.js'
import { addOwnJsonParser, appWithClerk, clerkOptions, serve } from './start-app.js'

let emulator: Emulator
let token: string
let userId: string
const servers: Array<{ close(): Promise<void> }> = []

async function start(app: FastifyInstance): Promise<string> {
  const running = await serve(app)
  servers.push(running)
  return running.origin
}

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada' }], rateLimit: false })
  const user = emulator.users.findByEmail('ada@example.com')
  if (!user) throw new Error('no seeded user')
  userId = user.id
  token = (await emulator.signIn(userId)).token
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  await emulator.close()
})

const post = (url: string, init: RequestInit = {}) =>
  fetch(url, { method: 'POST', ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } })

describe('@agent-tasks/fastify', () => {
  it('refuses to start without clerkPlugin, and says how to fix it', async () => {
    const app = Fastify()
    app.register(createAgentTasks().handler, { prefix: '/api/agent-tasks' })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failure = await app.ready().then(
      () => undefined,
      (error: unknown) => error,
    )
    logged.mockRestore()
    expect(failure).toBeInstanceOf(AgentTaskError)
    expect(failure).toMatchObject({ code: 'misconfigured' })
    expect((failure as Error).message).toContain('fastify.register(clerkPlugin)')
    await app.close()
  })

  it('accepts clerkPlugin registered after it on the same app', async () => {
    Object.assign(process.env, emulator.env)
    const app = Fastify()
    app.register(createAgentTasks().handler, { prefix: '/api/agent-tasks' })
    app.register(clerkPlugin, clerkOptions(emulator))
    const origin = await start(app)
    expect((await post(`${origin}/api/agent-tasks`)).status).toBe(201)
  })

  it('refuses clerkPlugin registered only in a sibling context, whose hook cannot reach its routes', async () => {
    const app = Fastify()
    app.register(async (pages) => {
      await pages.register(clerkPlugin, clerkOptions(emulator))
    })
    app.register(createAgentTasks().handler, { prefix: '/api/agent-tasks' })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(app.ready()).rejects.toMatchObject({ code: 'misconfigured' })
    logged.mockRestore()
    await app.close()
  })

  it('answers a route helper without clerkPlugin with a 500 that says how to fix it', async () => {
    const app = Fastify()
    app.post('/createAgentTask', createAgentTasks().route)
    const origin = await start(app)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await post(`${origin}/createAgentTask`)
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('fastify.register(clerkPlugin)'))
    logged.mockRestore()
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const body = await response.json()
    expect(body.code).toBe('misconfigured')
    expect(body.detail).toContain('fastify.register(clerkPlugin)')
  })

  it('declares Fastify 5 in its plugin metadata, matching its peer range, and loads on the installed Fastify', async () => {
    const plugin = createAgentTasks().handler
    const meta = (plugin as unknown as Record<symbol, { name: string; fastify: string }>)[Symbol.for('plugin-meta')]
    expect(meta).toMatchObject({ name: '@agent-tasks/fastify', fastify: '5.x' })
    expect(packageJson.peerDependencies.fastify).toBe('^5.0.0')
    const app = await appWithClerk(emulator)
    await app.register(plugin, { prefix: '/api/agent-tasks' })
    await app.register(createAgentTasks().handler, { prefix: '/other' })
    await app.ready()
    expect(app.version.split('.')[0]).toBe('5')
    expect(app.printPlugins()).toContain('@agent-tasks/fastify')
    await app.close()
  })

  it('serves the contract under the prefix only', async () => {
    const app = await appWithClerk(emulator)
    app.get('/', async () => ({ home: true }))
    await app.register(createAgentTasks({ redirect: { defaultUrl: '/dashboard' } }).handler, { prefix: '/api/agent-tasks' })
    const origin = await start(app)
    expect((await post(`${origin}/`)).status).toBe(404)
    expect((await post(`${origin}/agt_1/revoke`)).status).toBe(404)
    expect(await (await fetch(`${origin}/`)).json()).toEqual({ home: true })

    const created = await post(`${origin}/api/agent-tasks`)
    expect(created.status).toBe(201)
    const { agentTask } = await created.json()
    expect(agentTask.redirectUrl).toBe(`${origin}/dashboard`)
    expect((await post(`${origin}/api/agent-tasks/`)).status).toBe(201)
    const revoked = await post(`${origin}/api/agent-tasks/${agentTask.agentTaskId}/revoke`)
    expect(revoked.status).toBe(200)
    expect((await post(`${origin}/api/agent-tasks/somewhere/else`)).status).toBe(404)
    for (const method of ['HEAD', 'OPTIONS', 'PATCH']) {
      const response = await fetch(`${origin}/api/agent-tasks`, { method })
      expect([method, response.status, response.headers.get('allow')]).toEqual([method, 405, 'GET, POST'])
    }
  })

  it('honours a prefix set by an enclosing plugin, and refuses to be mounted at the root', async () => {
    const app = await appWithClerk(emulator)
    await app.register(
      async (api) => {
        await api.register(createAgentTasks().handler)
      },
      { prefix: '/api/agent-tasks' },
    )
    const origin = await start(app)
    expect((await post(`${origin}/api/agent-tasks`)).status).toBe(201)

    const atRoot = await appWithClerk(emulator)
    atRoot.register(createAgentTasks().handler)
    await expect(atRoot.ready()).rejects.toThrow(/registered with a prefix/)
    await atRoot.close()
  })

  it('leaves the app’s own body parsers untouched', async () => {
    const app = await appWithClerk(emulator)
    addOwnJsonParser(app)
    app.addContentTypeParser('*', (_request, _payload, done) => done(null, 'app catch-all'))
    app.post('/echo', async (request) => ({ body: request.body }))
    await app.register(createAgentTasks().handler, { prefix: '/api/agent-tasks' })
    const origin = await start(app)

    const echoed = await post(`${origin}/echo`, { headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' })
    expect(await echoed.json()).toEqual({ body: { a: 1, parsedBy: 'app' } })
    const other = await post(`${origin}/echo`, { headers: { 'Content-Type': 'text/csv' }, body: 'a,b' })
    expect(await other.json()).toEqual({ body: 'app catch-all' })

    const created = await post(`${origin}/api/agent-tasks`, {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ taskDescription: 'Read the mail' }),
    })
    expect(created.status).toBe(201)
    expect((await created.json()).agentTask.taskDescription).toBe('Read the mail')
  })

  it('reads the body through the app’s preParsing hooks (e.g. decompression)', async () => {
    const app = await appWithClerk(emulator)
    app.addHook('preParsing', async (request, _reply, payload) =>
      request.headers['content-encoding'] === 'gzip' ? payload.pipe(createGunzip()) : payload,
    )
    await app.register(createAgentTasks().handler, { prefix: '/api/agent-tasks' })
    const origin = await start(app)
    const body = gzipSync(JSON.stringify({ taskDescription: 'Compressed task' }))
    const response = await post(`${origin}/api/agent-tasks`, {
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body,
    })
    expect(response.status).toBe(201)
    expect((await response.json()).agentTask.taskDescription).toBe('Compressed task')
  })

  it('uses the public origin behind a trusted proxy', async () => {
    const app = await appWithClerk(emulator, { trustProxy: true })
    await app.register(createAgentTasks({ redirect: { defaultUrl: '/dashboard' } }).handler, { prefix: '/api/agent-tasks' })
    const origin = await start(app)
    const browserToken = (await emulator.signIn(userId, { azp: 'https://app.example' })).token
    const response = await fetch(`${origin}/api/agent-tasks`, {
      method: 'POST',
      headers: {
        Cookie: sessionCookies(browserToken),
        Origin: 'https://app.example',
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'app.example',
      },
    })
    expect(response.status).toBe(201)
    expect((await response.json()).agentTask.redirectUrl).toBe('https://app.example/dashboard')
  })
})
