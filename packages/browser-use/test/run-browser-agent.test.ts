import { once } from 'node:events'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type BrowserUseEmulator, startBrowserUseEmulator } from '@agent-tasks/browser-use-emulator'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { type AgentTasks, createAgentTasks } from '@agent-tasks/core'
import { clerkClient, clerkMiddleware, getAuth } from '@clerk/express'
import { BrowserUse } from 'browser-use-sdk'
import express from 'express'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BrowserAgentError, type BrowserAgentStep, runBrowserAgent } from '../src/index.js'

let clerk: Emulator
let browserUse: BrowserUseEmulator
let server: Server
let appUrl: string
let agentTasks: AgentTasks<undefined>
let ada: string
const printed: string[] = []

beforeAll(async () => {
  clerk = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada' }], rateLimit: false })
  Object.assign(process.env, clerk.env)
  browserUse = await startBrowserUseEmulator({ maxConcurrentTasks: 5 })
  ada = clerk.users.findByEmail('ada@example.com')?.id ?? ''
  agentTasks = createAgentTasks<undefined>({ secretKey: clerk.secretKey, apiUrl: clerk.apiUrl, redirect: { defaultUrl: '/dashboard' } })
  // A small app on @clerk/express: the dashboard greets the signed-in user.
  const app = express()
  app.use(clerkMiddleware())
  app.get('/dashboard', async (req, res) => {
    const { userId } = getAuth(req)
    if (!userId) return res.status(401).send('<h1>Signed out</h1>')
    const user = await clerkClient.users.getUser(userId)
    res.send(`<header>Welcome, ${user.firstName}</header><h1>Dashboard</h1>`)
  })
  server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    // biome-ignore lint/suspicious/noConsole: the test records console output to prove the link never leaks
    const original = console[method]
    console[method] = (...args: unknown[]) => {
      printed.push(args.map(String).join(' '))
      original.apply(console, args)
    }
  }
}, 30_000)

afterAll(async () => {
  server?.close()
  await browserUse?.close()
  await clerk?.close()
})
afterEach(() => browserUse.faults.clear())

/** The calls bound to Ada, signed in, as an app's route binds them to its request. */
function asAda() {
  const call = { auth: { userId: ada, sessionId: 'sess_test' }, context: undefined }
  return {
    create: (input: Parameters<AgentTasks<undefined>["create"]>[0]) => agentTasks.create(input, { ...call, origin: appUrl }),
    revoke: (id: string) => agentTasks.revoke(id, call),
  }
}

const client = () => new BrowserUse({ apiKey: browserUse.apiKey, baseUrl: browserUse.baseUrl, maxRetries: 0 })
const agentSession = (agentTaskId: string) => clerk.state.sessions().find((s) => s.agentTaskId === agentTaskId)
const link = (agentTaskId: string) => clerk.state.agentTasks().find((t) => t.id === agentTaskId)

describe('runBrowserAgent, on the offline Browser Use and Clerk', () => {
  it('lands signed in as the user, reports steps and output, and ends the session after', async () => {
    const steps: BrowserAgentStep[] = []
    const result = await runBrowserAgent({
      agentTasks: asAda(),
      browserUse: client(),
      task: 'Open the dashboard and report the greeting',
      redirectUrl: '/dashboard',
      pollIntervalMs: 100,
      onStep: (step) => steps.push(step),
    })
    expect(result).toMatchObject({ status: 'finished', isSuccess: true, cleanup: 'session-ended' })
    expect(result.output).toContain('Header: Welcome, Ada')
    expect(steps.length).toBeGreaterThan(0)
    expect(steps.at(-1)?.url).toBe(`${appUrl}/dashboard`)
    expect(agentSession(result.agentTaskId)?.status).toBe('revoked')
    const sent = browserUse.tasks().find((t) => t.id === result.browserUseTaskId)
    expect(sent?.allowedDomains?.sort()).toEqual([new URL(appUrl).host, new URL(clerk.url).host].sort())
    expect(sent?.metadata).toEqual({ agentTaskId: result.agentTaskId })
    const linkUrl = sent?.startUrl as string
    expect(JSON.stringify({ result, steps })).not.toContain(linkUrl)
    expect(printed.join('\n')).not.toContain(linkUrl)
  })

  it('a failed task leaves no live session and no pending link', async () => {
    browserUse.faults.add({ kind: 'task-fails', times: 1 })
    const result = await runBrowserAgent({ agentTasks: asAda(), browserUse: client(), task: 'fail', redirectUrl: '/dashboard', pollIntervalMs: 100 })
    expect(result).toMatchObject({ status: 'failed', isSuccess: false, cleanup: 'session-ended' })
    expect(agentSession(result.agentTaskId)?.status).toBe('revoked')
  })

  it('times out: stops the task and ends the session', async () => {
    browserUse.faults.add({ kind: 'task-hangs', times: 1 })
    const error = await runBrowserAgent({ agentTasks: asAda(), browserUse: client(), task: 'hang', redirectUrl: '/dashboard', pollIntervalMs: 100, timeoutMs: 3000 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BrowserAgentError)
    expect((error as BrowserAgentError).code).toBe('timeout')
    const task = browserUse.tasks().at(-1)
    expect(task?.status).toBe('stopped')
    const agentTaskId = task?.metadata.agentTaskId as string
    expect(link(agentTaskId)?.status).not.toBe('pending')
    expect(agentSession(agentTaskId)?.status ?? 'none').not.toBe('active')
  })

  it('the caller aborts: stops the task and ends the session', async () => {
    browserUse.faults.add({ kind: 'task-hangs', times: 1 })
    const controller = new AbortController()
    const running = runBrowserAgent({ agentTasks: asAda(), browserUse: client(), task: 'hang', redirectUrl: '/dashboard', pollIntervalMs: 100, signal: controller.signal, onStep: () => controller.abort() })
    const error = await running.catch((e: unknown) => e)
    expect((error as BrowserAgentError).code).toBe('aborted')
    const task = browserUse.tasks().at(-1)
    expect(task?.status).toBe('stopped')
    expect(agentSession(task?.metadata.agentTaskId as string)?.status ?? 'none').not.toBe('active')
  })

  it('Browser Use refuses (429, 5xx, a bad key): a typed error naming the fix, and the link revoked', async () => {
    for (const [fault, code] of [
      [{ kind: 'http', method: 'POST', path: '/api/v2/tasks', status: 429, times: 1 }, 'browser_use_busy'],
      [{ kind: 'http', method: 'POST', path: '/api/v2/tasks', status: 502, times: 1 }, 'browser_use_unavailable'],
    ] as const) {
      browserUse.faults.add(fault)
      const before = clerk.state.agentTasks().length
      const error = await runBrowserAgent({ agentTasks: asAda(), browserUse: client(), task: 'x', redirectUrl: '/dashboard' }).catch((e: unknown) => e)
      expect((error as BrowserAgentError).code).toBe(code)
      const minted = clerk.state.agentTasks().slice(before)
      expect(minted.map((t) => t.status)).toEqual(['revoked'])
    }
    const badKey = new BrowserUse({ apiKey: 'wrong', baseUrl: browserUse.baseUrl, maxRetries: 0 })
    const error = await runBrowserAgent({ agentTasks: asAda(), browserUse: badKey, task: 'x', redirectUrl: '/dashboard' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'browser_use_unauthorized' })
    expect((error as Error).message).toContain('BROWSER_USE_API_KEY')
  })

  it('a task longer than a description, an emoji across the cut: the default description keeps whole characters', async () => {
    browserUse.faults.add({ kind: 'http', method: 'POST', path: '/api/v2/tasks', status: 502, times: 1 })
    const before = clerk.state.agentTasks().length
    const task = `${'a'.repeat(499)}🚀 and then report the greeting`
    const error = await runBrowserAgent({ agentTasks: asAda(), browserUse: client(), task, redirectUrl: '/dashboard' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'browser_use_unavailable' })
    const [minted] = clerk.state.agentTasks().slice(before)
    expect(minted?.taskDescription).toBe('a'.repeat(499))
  })

  it('a Browser Use 422 that echoes the input (the link): no part of the error holds the link or its ticket', async () => {
    browserUse.faults.add({ kind: 'http', method: 'POST', path: '/api/v2/tasks', status: 422, echoInput: true, times: 1 })
    const minted: string[] = []
    const access = asAda()
    const recording = { ...access, create: async (input: Parameters<typeof access.create>[0]) => {
      const created = await access.create(input)
      minted.push(created.url)
      return created
    } }
    const error = await runBrowserAgent({ agentTasks: recording, browserUse: client(), task: 'x', redirectUrl: '/dashboard' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BrowserAgentError)
    expect((error as BrowserAgentError).code).toBe('browser_use_rejected')
    const [linkUrl] = minted as [string]
    const ticket = new URL(linkUrl).searchParams.get('ticket') as string
    const cause = (error as Error).cause
    for (const text of [(error as Error).message, String(error), (error as Error).stack ?? '', JSON.stringify(error), JSON.stringify(cause ?? null), String(cause)]) {
      // Booleans, so that a failure does not print the link.
      expect(text.includes(linkUrl), 'the link leaked').toBe(false)
      expect(text.includes(ticket.slice(0, 12)), 'the ticket leaked').toBe(false)
    }
    expect(printed.join('\n').includes(ticket.slice(0, 12)), 'the ticket was printed').toBe(false)
    expect((error as Error).message).toContain('[redacted]')
  })

  it('Clerk fails while minting: Browser Use is never called', async () => {
    clerk.faults.add({ path: '/v1/agents/tasks', status: 500, times: 1 })
    const before = browserUse.tasks().length
    await expect(runBrowserAgent({ agentTasks: asAda(), browserUse: client(), task: 'x' })).rejects.toMatchObject({ code: 'upstream_error' })
    expect(browserUse.tasks().length).toBe(before)
    clerk.faults.clear()
  })
})
