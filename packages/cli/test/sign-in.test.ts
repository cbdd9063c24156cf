import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Emulator } from '@agent-tasks/emulator'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../playwright/e2e/support/app.js'
import { type SignInStack, startSignInStack } from './support/sign-in-stack.js'

const BIN = fileURLToPath(new URL('../bin/agent-tasks.js', import.meta.url))
let clerk: Emulator
let app: TestApp
let browser: Browser
let ada: string
let stack: SignInStack

async function cli(args: string[], overrides: Record<string, string> = {}) {
  const env = { PATH: process.env.PATH ?? '', CLERK_SECRET_KEY: clerk.secretKey, CLERK_API_URL: clerk.apiUrl, APP_URL: app.url, ...overrides }
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const ran = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk) => (ran.stdout += chunk))
  child.stderr.on('data', (chunk) => (ran.stderr += chunk))
  const [code] = await once(child, 'exit')
  return { code: code as number | null, ...ran }
}

beforeAll(async () => {
  stack = await startSignInStack()
  ;({ clerk, app, browser, ada } = stack)
}, 60_000)

afterAll(() => stack?.close())

describe('agent-tasks sign-in --storage-state', () => {
  it('writes a 0600 storage state that opens the app signed in; its path alone on stdout, the session’s end on stderr', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'agent-tasks-sign-in-'))
    const path = join(folder, 'ada.json')
    await writeFile(path, 'an older file, world-readable', { mode: 0o644 })
    const ran = await cli(['sign-in', '--user', 'ada@example.com', '--url', '/dashboard', '--storage-state', path])
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.stdout).toBe(`${path}\n`)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    const session = clerk.state.sessions().find((s) => s.userId === ada && s.agentTaskId !== undefined && s.status === 'active')
    expect(ran.stderr).toContain(`Signed in as ada@example.com (${ada}) on ${app.url}/dashboard: session ${session?.id} (agent task ${session?.agentTaskId}) ends at ${new Date(session?.expireAt ?? 0).toISOString()}.`)

    const context = await browser.newContext({ storageState: path })
    const page = await context.newPage()
    await page.goto(`${app.url}/dashboard`)
    await expect.poll(() => page.getByTestId('user').textContent()).toBe(ada)
    expect(await page.getByTestId('session').textContent()).toBe(session?.id)
    expect(await page.getByTestId('actor').textContent()).toBe('agent')
    await context.close()

    const state = JSON.parse(await readFile(path, 'utf8')) as { cookies: Array<{ name: string; value: string }> }
    const token = state.cookies.find((c) => c.name === '__session')?.value ?? ''
    expect(token).toMatch(/^eyJ/)
    expect(ran.stderr).not.toContain(token)
    expect(`${ran.stdout}${ran.stderr}`).not.toMatch(/ticket|eyJ|sk_test_\w/)
  })

  it('--json: the state’s path, session and end time for scripts', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'agent-tasks-sign-in-')), 'state.json')
    const ran = await cli(['sign-in', '--user', 'ada', '--storage-state', path, '--duration', '600', '--json'])
    expect(ran.code, ran.stderr).toBe(0)
    const result = JSON.parse(ran.stdout)
    expect(result).toMatchObject({ path, userId: ada, sessionId: expect.stringMatching(/^sess_/), agentTaskId: expect.stringMatching(/^agt_/), sessionMaxDurationInSeconds: 600, landedAt: `${app.url}/` })
    expect(Date.parse(result.sessionEndsAt) - Date.now()).toBeGreaterThan(590_000)
    expect(ran.stdout).not.toMatch(/ticket|eyJ/)
  })

  it('a page the app sets no session on: exits 1 naming the page, writes no file, and ends the access it opened', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'agent-tasks-sign-in-')), 'state.json')
    const before = clerk.state.agentTasks().length
    const ran = await cli(['sign-in', '--user', 'ada', '--url', '/no-clerk', '--storage-state', path])
    expect(ran.code).toBe(1)
    expect(ran.stderr).toContain(`the link landed on ${app.url}/no-clerk, but the app set no Clerk session of ada there`)
    expect(ran.stderr).not.toMatch(/ticket|eyJ/)
    await expect(stat(path)).rejects.toThrow()
    const [task] = clerk.state.agentTasks().slice(before)
    expect(ran.stderr).toContain(`through agent task ${task?.id}`)
    // The link was used (the emulator opened a session before redirecting): that session is ended.
    const opened = clerk.state.sessions().filter((s) => s.agentTaskId === task?.id)
    expect(opened.length > 0 ? opened.every((s) => s.status === 'revoked') : task?.status === 'revoked').toBe(true)
  })

  it('needs --user and --storage-state; refuses a live key without --live', async () => {
    const missing = await cli(['sign-in', '--user', 'ada'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("required option '--storage-state <file>'")
    const help = await cli(['sign-in', '--help'])
    expect(help.stdout).toContain('Usage: agent-tasks sign-in')
    const live = await cli(['sign-in', '--user', 'ada', '--storage-state', join(tmpdir(), 'never.json')], { CLERK_SECRET_KEY: 'sk_live_abcdefghijklmnop' })
    expect(live.code).toBe(3)
    expect(live.stderr).toContain('Add --live if you mean it.')
  })
})
