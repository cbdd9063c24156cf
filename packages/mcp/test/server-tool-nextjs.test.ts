import type { ServerProcess } from '@agent-tasks/conformance'
import { type Emulator, sdkEnv, startEmulator } from '@agent-tasks/emulator'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openLink } from './support/browser.js'
import { callCreateBrowserSession, connectOverHttp, type MintedLink, textOf } from './support/mcp-http-client.js'
import { buildNextFixture, startNextFixture } from './support/nextjs-fixture.js'

const MINT_RATE = 3

let clerk: Emulator
let app: ServerProcess
let browser: Browser
let ada: string
let bob: string
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
async function ledger(token: string): Promise<Array<{ agentTaskId: string; status: string }>> {
  const response = await fetch(`${app.origin}/api/agent-tasks`, { headers: { Authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { data: Array<{ agentTaskId: string; status: string }> }).data
}

beforeAll(async () => {
  buildNextFixture()
  clerk = await startEmulator({
    users: [
      { email: 'ada@example.com', firstName: 'Ada' },
      { email: 'bob@example.com', firstName: 'Bob' },
    ],
    rateLimit: false,
  })
  ada = clerk.users.findByEmail('ada@example.com')?.id ?? ''
  bob = clerk.users.findByEmail('bob@example.com')?.id ?? ''
  app = await startNextFixture({ ...sdkEnv(clerk.env), MINT_RATE: String(MINT_RATE) })
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await clerk?.close()
})

describe('createBrowserSessionTool(agentTasks) in a Next.js app’s app/mcp/route.ts (next build + next start, Web-standard Streamable HTTP)', () => {
  it('is listed with its input and output schemas', async () => {
    const client = await connectOverHttp(mcpUrl(), await personToken(ada))
    try {
      const { tools } = await client.listTools()
      expect(tools.map((t) => t.name)).toEqual(['create_browser_session'])
      expect(Object.keys(tools[0]?.inputSchema.properties ?? {})).toEqual(['redirectUrl', 'taskDescription', 'sessionMaxDurationInSeconds', 'scope'])
      expect(Object.keys(tools[0]?.outputSchema?.properties ?? {}).sort()).toEqual(['agentTaskId', 'redirectUrl', 'sessionEndsAt', 'sessionMaxDurationInSeconds', 'url'])
    } finally {
      await client.close()
    }
  })

  it('mints, for the person behind the token, a link that signs Chromium in, recorded in the instance’s ledger', async () => {
    const token = await personToken(ada)
    const result = await mint(token, { redirectUrl: '/dashboard', taskDescription: 'Check the dashboard', sessionMaxDurationInSeconds: 600 })
    expect(result.isError, textOf(result)).toBeFalsy()
    const minted = result.structuredContent as unknown as MintedLink
    expect(minted).toMatchObject({ redirectUrl: `${app.origin}/dashboard`, sessionMaxDurationInSeconds: 600, agentTaskId: expect.stringMatching(/^agt_/) })
    expect(clerk.state.agentTasks().find((t) => t.id === minted.agentTaskId)).toMatchObject({ userId: ada, taskDescription: 'Check the dashboard' })
    expect(await ledger(token)).toContainEqual(expect.objectContaining({ agentTaskId: minted.agentTaskId, status: 'pending' }))

    expect(await openLink(browser, minted.url, app.origin)).toEqual({ user: ada, actor: 'agent' })
    expect(await ledger(token)).toContainEqual(expect.objectContaining({ agentTaskId: minted.agentTaskId, status: 'used' }))
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

  it('refuses a call without a token, and a redirect off the app’s origin naming the field', async () => {
    expect(textOf(await mint(undefined))).toMatch(/\[unauthenticated\]$/)
    const offOrigin = await mint(await personToken(ada), { redirectUrl: 'https://evil.example/steal' })
    expect(textOf(offOrigin)).toBe('Invalid request: check redirectUrl. (redirectUrl: origin https://evil.example is not an allowed redirect origin) [invalid_request]')
  })

  it('counts against the instance’s rate limit with the HTTP route: past it both refuse (rate_limited, 429)', async () => {
    const token = await personToken(bob)
    for (let i = 0; i < MINT_RATE - 1; i++) expect((await mint(token)).isError, `mint ${i + 1}`).toBeFalsy()
    const overHttp = () => fetch(`${app.origin}/api/agent-tasks`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' })
    expect((await overHttp()).status).toBe(201)
    const refused = await mint(token)
    expect(textOf(refused)).toMatch(/\[rate_limited\]$/)
    expect((await overHttp()).status).toBe(429)
  })

  it('never writes a link or a ticket to the server’s output', () => {
    expect(handedOut.length).toBeGreaterThan(4)
    for (const secret of handedOut) expect(app.output()).not.toContain(secret)
  })
})
