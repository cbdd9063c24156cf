import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Emulator } from '@agent-tasks/emulator'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SignInStack, startSignInStack } from '../../cli/test/support/sign-in-stack.js'
import type { TestApp } from '../../playwright/e2e/support/app.js'

const BIN = fileURLToPath(new URL('../bin/agent-tasks-mcp.js', import.meta.url))
const TOKEN_TTL_SECONDS = 1

let clerk: Emulator
let app: TestApp
let browser: Browser
let ada: string
let stack: SignInStack
const servers: Array<{ client: Client; stderr: () => string }> = []
/** Every link and saved credential the tools handed out: none may reach the server's log. */
const secretsHandedOut: string[] = []

/** The built `agent-tasks-mcp`, spawned by the official MCP client over stdio, as an MCP host runs it. */
async function connect(args: string[] = ['--user', 'ada@example.com'], env: Record<string, string | undefined> = {}, cwd?: string) {
  const merged = { PATH: process.env.PATH ?? '', CLERK_SECRET_KEY: clerk.secretKey, CLERK_API_URL: clerk.apiUrl, APP_URL: app.url, ...env }
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...args],
    env: Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    stderr: 'pipe',
    ...(cwd ? { cwd } : {}),
  })
  let stderr = ''
  transport.stderr?.on('data', (chunk) => (stderr += chunk))
  const client = new Client({ name: 'agent-tasks-mcp-test', version: '0.0.0' })
  await client.connect(transport)
  const server = { client, stderr: () => stderr }
  servers.push(server)
  return server
}

type Structured = Record<string, unknown> & { agentTaskId: string }

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult
  const { url, storageStatePath } = (result.structuredContent ?? {}) as { url?: string; storageStatePath?: string }
  if (url) secretsHandedOut.push(url, new URL(url).searchParams.get('ticket') ?? url)
  if (storageStatePath) {
    const state = JSON.parse(await readFile(storageStatePath, 'utf8')) as { cookies: Array<{ value: string }> }
    secretsHandedOut.push(...state.cookies.map((c) => c.value).filter((value) => value.length > 20))
  }
  return result
}

async function succeed(client: Client, name: string, args: Record<string, unknown>): Promise<Structured> {
  const result = await call(client, name, args)
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy()
  return result.structuredContent as Structured
}

function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n')
}

/** Who the test app's dashboard says is signed in, in a fresh context (optionally from a storage state). */
async function dashboardUser(options: { link?: string; storageState?: string } = {}): Promise<{ user: string; actor: string; session: string }> {
  const context = await browser.newContext(options.storageState ? { storageState: options.storageState } : {})
  try {
    const page = await context.newPage()
    await page.goto(options.link ?? `${app.url}/dashboard`)
    await page.waitForURL((url) => url.origin === app.url && url.pathname === '/dashboard')
    return {
      user: (await page.getByTestId('user').textContent()) ?? '',
      actor: (await page.getByTestId('actor').textContent()) ?? '',
      session: (await page.getByTestId('session').textContent()) ?? '',
    }
  } finally {
    await context.close()
  }
}

/** Until a session token issued now has expired, even with the 5 s clock skew the Clerk SDK allows. */
const tokenLifetime = () => new Promise((resolve) => setTimeout(resolve, TOKEN_TTL_SECONDS * 1000 + 5_500))

beforeAll(async () => {
  stack = await startSignInStack({ sessionTokenTtlSeconds: TOKEN_TTL_SECONDS })
  ;({ clerk, app, browser, ada } = stack)
}, 60_000)

afterAll(async () => {
  for (const { client } of servers) await client.close()
  await stack?.close()
})

describe('agent-tasks-mcp over stdio', () => {
  it('lists its three tools with their input and output schemas', async () => {
    const { client } = await connect()
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual(['create_browser_session', 'end_agent_access', 'list_agent_sessions'])
    const create = tools.find((t) => t.name === 'create_browser_session')
    expect(Object.keys(create?.inputSchema.properties ?? {})).toEqual(['user', 'redirectUrl', 'taskDescription', 'sessionMaxDurationInSeconds', 'storageState', 'storageStatePath'])
    expect(create?.inputSchema.required ?? []).toEqual([])
    expect(create?.outputSchema?.required).toEqual(expect.arrayContaining(['userId', 'agentTaskId', 'redirectUrl', 'sessionEndsAt']))
    const end = tools.find((t) => t.name === 'end_agent_access')
    expect(Object.keys(end?.inputSchema.properties ?? {})).toEqual(['user', 'agentTaskId', 'sessionId', 'all'])
    expect(Object.keys(tools.find((t) => t.name === 'list_agent_sessions')?.outputSchema?.properties ?? {})).toEqual(['userId', 'sessions', 'links'])
  })

  it('create_browser_session: a one-time link that signs Chromium in as the user on the path asked for', async () => {
    const { client } = await connect()
    const result = await call(client, 'create_browser_session', { redirectUrl: '/dashboard', taskDescription: 'Check the dashboard', sessionMaxDurationInSeconds: 600 })
    expect(result.isError).toBeFalsy()
    const minted = result.structuredContent as Structured & { url: string; sessionEndsAt: string }
    expect(minted).toMatchObject({ userId: ada, redirectUrl: `${app.url}/dashboard`, sessionMaxDurationInSeconds: 600, agentTaskId: expect.stringMatching(/^agt_/) })
    expect(minted.url).toMatch(/\/v1\/agents\/tasks\?ticket=/)
    expect(Date.parse(minted.sessionEndsAt) - Date.now()).toBeGreaterThan(590_000)
    expect(textOf(result)).toContain(minted.url)
    expect(await dashboardUser({ link: minted.url })).toMatchObject({ user: ada, actor: 'agent' })
    // Once: the link does not sign a second browser in.
    const again = await browser.newContext()
    const response = await (await again.newPage()).goto(minted.url)
    expect(response?.status()).toBeGreaterThanOrEqual(400)
    await again.close()
  })

  it('storageState: a 0600 file that opens the dashboard signed in; end_agent_access ends it and the next navigation is signed out', async () => {
    const { client } = await connect()
    const folder = await mkdtemp(join(tmpdir(), 'agent-tasks-mcp-test-'))
    const path = join(folder, 'ada.json')
    const signedIn = await succeed(client, 'create_browser_session', { redirectUrl: '/dashboard', storageState: true, storageStatePath: path })
    expect(signedIn).toMatchObject({ userId: ada, storageStatePath: path, sessionId: expect.stringMatching(/^sess_/), redirectUrl: `${app.url}/dashboard` })
    expect(signedIn.url).toBeUndefined()
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    const session = clerk.state.sessions().find((s) => s.id === signedIn.sessionId)
    expect(session).toMatchObject({ userId: ada, status: 'active', agentTaskId: signedIn.agentTaskId })
    expect(signedIn.sessionEndsAt).toBe(new Date(session?.expireAt ?? 0).toISOString())

    // A new context from the file is signed in, past the saved token's lifetime too (a navigation refreshes it).
    await tokenLifetime()
    expect(await dashboardUser({ storageState: path })).toEqual({ user: ada, actor: 'agent', session: signedIn.sessionId })

    const listed = await succeed(client, 'list_agent_sessions', {})
    expect(listed.sessions).toContainEqual(expect.objectContaining({ sessionId: signedIn.sessionId, status: 'active', agentTaskId: signedIn.agentTaskId }))

    const ended = await succeed(client, 'end_agent_access', { agentTaskId: signedIn.agentTaskId })
    expect(ended).toEqual({ userId: ada, revokedAgentTaskIds: [], endedSessionIds: [signedIn.sessionId] })
    expect(clerk.state.sessions().find((s) => s.id === signedIn.sessionId)?.status).toBe('revoked')
    await tokenLifetime()
    expect(await dashboardUser({ storageState: path })).toMatchObject({ user: 'signed out' })
    const after = await succeed(client, 'list_agent_sessions', {})
    expect(after.sessions).not.toContainEqual(expect.objectContaining({ sessionId: signedIn.sessionId }))
  })

  it('end_agent_access: one session by ID, or everything of the user (unused links this server minted included)', async () => {
    const { client } = await connect()
    const signedIn = await succeed(client, 'create_browser_session', { storageState: true })
    expect(signedIn.storageStatePath).toMatch(new RegExp(`^${tmpdir()}/agent-tasks-mcp-\\w+/storage-state\\.json$`))
    expect(await succeed(client, 'end_agent_access', { sessionId: signedIn.sessionId as string })).toMatchObject({ endedSessionIds: [signedIn.sessionId] })
    expect(clerk.state.sessions().find((s) => s.id === signedIn.sessionId)?.status).toBe('revoked')
    const notAgent = await clerk.signIn(ada)
    const refused = await call(client, 'end_agent_access', { sessionId: notAgent.sessionId })
    expect(refused.isError).toBe(true)
    expect(textOf(refused)).toBe(`${notAgent.sessionId} is not an active agent session of ada@example.com.`)

    const unused = await succeed(client, 'create_browser_session', {})
    const used = await succeed(client, 'create_browser_session', { storageState: true })
    expect((await succeed(client, 'list_agent_sessions', {})).links).toContainEqual(expect.objectContaining({ agentTaskId: unused.agentTaskId, status: 'pending' }))
    const all = await succeed(client, 'end_agent_access', { all: true })
    expect(all.revokedAgentTaskIds).toContain(unused.agentTaskId)
    expect(all.endedSessionIds).toContain(used.sessionId)
    expect(clerk.state.agentTasks().find((t) => t.id === unused.agentTaskId)?.status).toBe('revoked')
    expect(clerk.state.sessions().find((s) => s.id === notAgent.sessionId)?.status).toBe('active')
    expect((await succeed(client, 'list_agent_sessions', {})).sessions).toEqual([])

    const none = await call(client, 'end_agent_access', {})
    expect(textOf(none)).toBe('agentTaskId, sessionId, all: give exactly one (none was given).')
  })

  it('every mint goes through core’s rules: a redirect off APP_URL’s origin, a bad session length, an unknown user', async () => {
    const { client } = await connect()
    const offOrigin = await call(client, 'create_browser_session', { redirectUrl: 'https://evil.example/steal' })
    expect(offOrigin.isError).toBe(true)
    expect(textOf(offOrigin)).toBe('Invalid request: check redirectUrl. (redirectUrl: origin https://evil.example is not an allowed redirect origin)')
    const tooLong = await call(client, 'create_browser_session', { sessionMaxDurationInSeconds: 86_400 })
    expect(textOf(tooLong)).toContain('sessionMaxDurationInSeconds')
    const nobody = await call(client, 'create_browser_session', { user: 'nobody@example.com' })
    expect(textOf(nobody)).toBe('No Clerk user with email nobody@example.com.')
    expect(clerk.state.agentTasks().filter((t) => t.redirectUrl.startsWith('https://evil.example'))).toEqual([])
  })

  it('without a default user a call must name one', async () => {
    const { client } = await connect([])
    const result = await call(client, 'create_browser_session', {})
    expect(result.isError).toBe(true)
    expect(textOf(result)).toContain('user: say who to act for')
    expect(await succeed(client, 'create_browser_session', { user: ada })).toMatchObject({ userId: ada })
  })

  it('refuses an sk_live_ key unless started with --live', async () => {
    const env = { PATH: process.env.PATH ?? '', CLERK_SECRET_KEY: 'sk_live_abcdefghijklmnop', APP_URL: app.url }
    const child = spawn(process.execPath, [BIN], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const [code] = await once(child, 'exit')
    expect(code).toBe(3)
    expect(stderr).toBe('agent-tasks-mcp: CLERK_SECRET_KEY is a production (sk_live_) key: these commands act on real users. Add --live if you mean it.\n')
    await expect(connect([], { CLERK_SECRET_KEY: 'sk_live_abcdefghijklmnop' })).rejects.toThrow()
    const live = await connect(['--live'], { CLERK_SECRET_KEY: 'sk_live_abcdefghijklmnop' })
    expect((await live.client.listTools()).tools).toHaveLength(3)
  })

  it('reads CLERK_SECRET_KEY, CLERK_API_URL, APP_URL and AGENT_TASKS_USER from .env in its working folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'agent-tasks-mcp-env-'))
    await writeFile(join(folder, '.env'), `CLERK_SECRET_KEY=${clerk.secretKey}\nCLERK_API_URL=${clerk.apiUrl}\nAPP_URL=${app.url}\nAGENT_TASKS_USER=ada\n`)
    const { client } = await connect([], { CLERK_SECRET_KEY: undefined, CLERK_API_URL: undefined, APP_URL: undefined }, folder)
    expect(await succeed(client, 'create_browser_session', { redirectUrl: '/dashboard' })).toMatchObject({ userId: ada, redirectUrl: `${app.url}/dashboard` })
  })

  it('never writes a link, ticket, token or the secret key to stderr (its log)', async () => {
    const log = servers.map((s) => s.stderr()).join('')
    expect(log).toContain('agent-tasks-mcp: serving on stdio')
    expect(log).toContain('create_browser_session: agent task agt_')
    expect(log).not.toMatch(/ticket|eyJ[\w-]+\.|sk_(test|live)_\w|__session=|__client=/)
    expect(secretsHandedOut.length).toBeGreaterThan(10)
    for (const secret of [...secretsHandedOut, clerk.secretKey]) expect(log).not.toContain(secret)
  })
})
