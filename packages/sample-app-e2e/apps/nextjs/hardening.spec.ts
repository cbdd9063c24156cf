import { type ChildProcess, spawn } from 'node:child_process'
import { connect, createServer } from 'node:net'
import { networkInterfaces } from 'node:os'
import { type Emulator, sdkEnv, startEmulator } from '@agent-tasks/emulator'
import { expect, test } from '@playwright/test'
import { sampleAppTest } from '../../src/index.ts'
import { stopGroup } from '../../src/start-app.ts'
import { app } from './app.ts'

// What this sample does beyond the shared specs, against its production build: the origin it puts in
// links, and the loopback-only start its README's deployment notes give (`npm start -- -H localhost`).

const stackTest = sampleAppTest(app)

stackTest.describe('a forged X-Forwarded-Host', () => {
  stackTest('does not move the home page’s Sign in link off the app: it opens the app’s own /sign-in', async ({ page, stack }) => {
    // First visit as is: Clerk's development handshake (which itself builds URLs from forwarded headers)
    // gives the browser its dev-browser cookie, so the next request is rendered without one.
    await page.goto(stack.app.url)
    await page.setExtraHTTPHeaders({ 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' })
    await page.reload()
    const href = await page.getByRole('link', { name: 'Sign in' }).getAttribute('href')
    expect(new URL(href ?? '', page.url()).href).toBe(`${stack.app.url}/sign-in`)
  })

  stackTest('does not become the host of a minted link’s redirect', async ({ stack }) => {
    const token = (await stack.emulator.signIn(stack.ada.id)).token
    const response = await fetch(`${stack.app.url}/api/agent-tasks`, {
      method: 'POST',
      headers: { 'X-Forwarded-Host': 'evil.example', Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ redirectUrl: '/dashboard' }),
    })
    expect(response.status).toBe(201)
    const { agentTask } = (await response.json()) as { agentTask: { agentTaskId: string; redirectUrl: string } }
    expect(agentTask.redirectUrl).toBe(`${stack.app.url}/dashboard`)
    expect(await stack.revokeLink(agentTask.agentTaskId)).toBe(200)
  })
})

/** A free TCP port on `host`. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

interface Started {
  output: () => string
  stop(): Promise<void>
}

/** The app's start script with `args` after it, on `port` against `emulator`; resolves once `url` answers 200. */
async function startWith(emulator: Emulator, args: string[], port: number, url: string): Promise<Started> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.includes('CLERK_')))
  const [file, ...commandArgs] = app.command
  const child: ChildProcess = spawn(file, [...commandArgs, ...args], {
    cwd: app.appDir,
    env: { ...inherited, ...sdkEnv(emulator.env), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let printed = ''
  const collect = (chunk: Buffer) => {
    printed += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const stop = () => stopGroup(child)
  try {
    await expect
      .poll(() => fetch(`${url}/`).then((r) => r.status, () => (child.exitCode === null ? 0 : -1)), { timeout: 45_000 })
      .toBe(200)
  } catch (error) {
    await stop()
    throw new Error(`the app did not start on ${url}: ${error}\n${printed}`)
  }
  return { output: () => printed, stop }
}

/** Whether something accepts TCP connections at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host)
    socket.setTimeout(2_000)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

test.describe('npm start -- -H localhost', () => {
  test.describe.configure({ timeout: 90_000 })

  // Not `-H 127.0.0.1`: Next.js would then name its own URL differently from what proxy.ts sees, and
  // Clerk's rewrites would fail (vercel/next.js#94745). `localhost` resolves to 127.0.0.1 here.
  test('listens on loopback only, where a link signs the browser in', async ({ browser }) => {
    const emulator = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }] })
    const port = await freePort('127.0.0.1')
    const url = `http://localhost:${port}`
    const started = await startWith(emulator, ['-H', 'localhost'], port, url).catch(async (error) => {
      await emulator.close()
      throw error
    })
    try {
      expect(await accepts('127.0.0.1', port)).toBe(true)
      const external = Object.values(networkInterfaces())
        .flat()
        .filter((address) => address !== undefined && !address.internal && address.family === 'IPv4')
      for (const address of external) expect(await accepts(address?.address ?? '', port), started.output()).toBe(false)

      // Clerk's middleware (its handshake rewrite included) works there.
      const ada = emulator.users.findByEmail('ada@example.com')
      const token = (await emulator.signIn(ada?.id ?? '')).token
      const minted = await fetch(`${url}/api/agent-tasks`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ redirectUrl: '/dashboard' }),
      })
      expect(minted.status, started.output()).toBe(201)
      const { agentTask } = (await minted.json()) as { agentTask: { url: string } }
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(agentTask.url)
      await expect(page).toHaveURL(`${url}/dashboard`)
      await expect(page.locator('header')).toContainText('Welcome, Ada')
      await context.close()
    } finally {
      await started.stop()
      await emulator.close()
    }
  })
})
