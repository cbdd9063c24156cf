import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { launchChromium, openLink } from './support/browser.js'
import { type ExpressMcpApp, startExpressMcpApp } from './support/express-mcp-app.js'
import { callCreateBrowserSession, connectOverHttp, type MintedLink, textOf } from './support/mcp-http-client.js'

const RATE = { mints: 3, windowSeconds: 60 }

let clerk: Emulator
let app: ExpressMcpApp
let browser: Browser
let ada: string
let bob: string
const clients: Client[] = []
/** Everything the app and this process logged while the tests ran: no link may be in it. */
const logged: string[] = []
const handedOut: string[] = []

const mcpUrl = () => `${app.origin}/mcp`
const personToken = async (userId: string) => (await clerk.signIn(userId)).token

async function mint(token: string | undefined, args: Record<string, unknown> = {}) {
  const result = await callCreateBrowserSession(mcpUrl(), token, args)
  const url = (result.structuredContent as { url?: string } | undefined)?.url
  if (url) handedOut.push(url, new URL(url).searchParams.get('ticket') ?? url)
  return result
}

/** The links the instance's ledger lists for the token's user, through the HTTP contract's `GET /api/agent-tasks`. */
async function ledger(token: string): Promise<Array<{ agentTaskId: string; status: string; ownerUserId?: string }>> {
  const response = await fetch(`${app.origin}/api/agent-tasks`, { headers: { Authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { data: Array<{ agentTaskId: string; status: string }> }).data
}

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    // biome-ignore lint/suspicious/noConsole: the test records console output to prove no link leaks
    const original = console[level]
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
      original(...args)
    })
  }
  clerk = await startEmulator({
    users: [
      { email: 'ada@example.com', firstName: 'Ada' },
      { email: 'bob@example.com', firstName: 'Bob' },
    ],
    rateLimit: false,
  })
  ada = clerk.users.findByEmail('ada@example.com')?.id ?? ''
  bob = clerk.users.findByEmail('bob@example.com')?.id ?? ''
  app = await startExpressMcpApp(clerk, { limits: { rate: RATE }, redirect: { defaultUrl: '/dashboard' } })
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  for (const client of clients) await client.close()
  await browser?.close()
  await app?.close()
  await clerk?.close()
  vi.restoreAllMocks()
})

describe('createBrowserSessionTool(agentTasks, req) on an Express app’s /mcp (Streamable HTTP, stateless)', () => {
  it('is listed with its input and output schemas', async () => {
    const client = await connectOverHttp(mcpUrl(), await personToken(ada))
    clients.push(client)
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toEqual(['create_browser_session'])
    const [tool] = tools
    expect(Object.keys(tool?.inputSchema.properties ?? {})).toEqual(['redirectUrl', 'taskDescription', 'sessionMaxDurationInSeconds', 'scope'])
    expect(tool?.inputSchema.required ?? []).toEqual([])
    expect(Object.keys(tool?.outputSchema?.properties ?? {}).sort()).toEqual(['agentTaskId', 'redirectUrl', 'sessionEndsAt', 'sessionMaxDurationInSeconds', 'url'])
    expect(tool?.outputSchema?.required).toEqual(expect.arrayContaining(['agentTaskId', 'url', 'sessionEndsAt']))
    expect(tool?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false })
  })

  it('mints, for the person behind the token, a link that signs Chromium in, recorded in the instance’s ledger', async () => {
    const token = await personToken(ada)
    const result = await mint(token, { redirectUrl: '/dashboard', taskDescription: 'Check the dashboard', sessionMaxDurationInSeconds: 600 })
    expect(result.isError, textOf(result)).toBeFalsy()
    const minted = result.structuredContent as unknown as MintedLink
    expect(minted).toMatchObject({ redirectUrl: `${app.origin}/dashboard`, sessionMaxDurationInSeconds: 600, agentTaskId: expect.stringMatching(/^agt_/) })
    expect(minted.url).toMatch(/\/v1\/agents\/tasks\?ticket=/)
    expect(Date.parse(minted.sessionEndsAt) - Date.now()).toBeGreaterThan(590_000)
    expect(textOf(result)).toContain(minted.url)
    expect(clerk.state.agentTasks().find((t) => t.id === minted.agentTaskId)).toMatchObject({ userId: ada, taskDescription: 'Check the dashboard' })
    expect(await ledger(token)).toContainEqual(expect.objectContaining({ agentTaskId: minted.agentTaskId, status: 'pending' }))

    expect(await openLink(browser, minted.url, app.origin)).toEqual({ user: ada, actor: 'agent' })
    expect(await ledger(token)).toContainEqual(expect.objectContaining({ agentTaskId: minted.agentTaskId, status: 'used' }))
  })

  it('the instance’s defaults apply to what the agent leaves out', async () => {
    const minted = (await mint(await personToken(ada))).structuredContent as unknown as MintedLink
    expect(minted.redirectUrl).toBe(`${app.origin}/dashboard`)
  })

  it('mints within a scope the app declares (recorded with the link), and refuses one it does not, naming the field', async () => {
    const token = await personToken(ada)
    const scoped = await mint(token, { scope: 'read-only' })
    expect(scoped.isError).toBeFalsy()
    const { agentTaskId } = scoped.structuredContent as unknown as MintedLink
    expect(await ledger(token)).toContainEqual(expect.objectContaining({ agentTaskId, scope: 'read-only' }))
    const before = clerk.state.agentTasks().length
    const unknown = await mint(token, { scope: 'billing-admin' })
    expect(unknown.isError).toBe(true)
    expect(unknown._meta).toMatchObject({ agentTaskError: { code: 'invalid_request', status: 400, fields: [{ field: 'scope' }] } })
    expect(clerk.state.agentTasks()).toHaveLength(before)
  })

  it('refuses an agent session’s token: agents may not mint (agent_session_forbidden)', async () => {
    const agent = await clerk.signIn(ada, { actor: { type: 'agent', sub: 'agent_test' } })
    const before = clerk.state.agentTasks().length
    const result = await mint(agent.token, { redirectUrl: '/dashboard' })
    expect(result.isError).toBe(true)
    expect(textOf(result)).toMatch(/\[agent_session_forbidden\]$/)
    expect(result._meta).toMatchObject({ agentTaskError: { code: 'agent_session_forbidden', status: 403 } })
    expect(clerk.state.agentTasks()).toHaveLength(before)
  })

  it('refuses a call without a token (unauthenticated, the HTTP route’s 401)', async () => {
    const client = await connectOverHttp(mcpUrl())
    clients.push(client)
    expect((await client.listTools()).tools).toHaveLength(1)
    const result = await mint(undefined)
    expect(result.isError).toBe(true)
    expect(textOf(result)).toMatch(/\[unauthenticated\]$/)
    expect(result._meta).toMatchObject({ agentTaskError: { code: 'unauthenticated', status: 401 } })
  })

  it('refuses a redirect off the app’s origin, naming the field', async () => {
    const result = await mint(await personToken(ada), { redirectUrl: 'https://evil.example/steal' })
    expect(result.isError).toBe(true)
    expect(textOf(result)).toBe('Invalid request: check redirectUrl. (redirectUrl: origin https://evil.example is not an allowed redirect origin) [invalid_request]')
    expect(result._meta).toMatchObject({ agentTaskError: { code: 'invalid_request', status: 400, fields: [{ field: 'redirectUrl' }] } })
    expect(clerk.state.agentTasks().filter((t) => t.redirectUrl.startsWith('https://evil.example'))).toEqual([])
  })

  it('counts against the instance’s rate limit with the HTTP route: past it both refuse (rate_limited, 429)', async () => {
    const token = await personToken(bob)
    for (let i = 0; i < RATE.mints - 1; i++) expect((await mint(token)).isError, `mint ${i + 1}`).toBeFalsy()
    const overHttp = () => fetch(`${app.origin}/api/agent-tasks`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' })
    expect((await overHttp()).status).toBe(201)

    const refused = await mint(token)
    expect(refused.isError).toBe(true)
    expect(textOf(refused)).toMatch(/Retry after \d+ s\. \[rate_limited\]$/)
    expect(refused._meta).toMatchObject({ agentTaskError: { code: 'rate_limited', status: 429, retryAfterSeconds: expect.any(Number) } })
    expect((await overHttp()).status).toBe(429)
    expect((await ledger(token)).filter((r) => r.status === 'pending')).toHaveLength(RATE.mints)
  })

  it('never logs a link or a ticket', () => {
    expect(handedOut.length).toBeGreaterThan(4)
    const log = logged.join('\n')
    for (const secret of handedOut) expect(log).not.toContain(secret)
    expect(log).not.toMatch(/ticket=/)
  })
})
