import { type ChildProcess, spawn } from 'node:child_process'
import { connect, createServer } from 'node:net'
import { networkInterfaces } from 'node:os'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { sampleAppTest } from '@agent-tasks/sample-app-e2e'
import { expect, test } from '@playwright/test'
import { app } from './app.ts'

// What this sample does beyond the shared specs, against its production build: the origin it puts in
// links, the interface `pnpm start` listens on, and the time limit on a request body.

const stackTest = sampleAppTest(app)

stackTest.describe('a forged X-Forwarded-Host', () => {
  stackTest('does not become the origin of the home page’s sign-in link', async ({ page, stack }) => {
    // First visit as is: Clerk's development handshake (which itself builds URLs from forwarded headers)
    // gives the browser its dev-browser cookie, so the next request is rendered without one.
    await page.goto(stack.app.url)
    await page.setExtraHTTPHeaders({ 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' })
    await page.reload()
    const href = await page.getByRole('link', { name: 'Sign in' }).getAttribute('href')
    const redirect = new URL(href ?? '').searchParams.get('redirect_url')
    expect(redirect).toBe(`${stack.app.url}/dashboard`)
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

interface StartedOn {
  url: string
  port: number
  output: () => string
  stop(): Promise<void>
}

/** `pnpm start` (scripts/start.mjs) on `host:port` against `emulator`; resolves once the home page answers. */
async function startOn(emulator: Emulator, host: string, port: number, env: Record<string, string> = {}): Promise<StartedOn> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CLERK_')))
  const child: ChildProcess = spawn(process.execPath, app.command.slice(1), {
    cwd: app.appDir,
    env: { ...inherited, ...emulator.env, ...env, HOST: host, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let printed = ''
  const collect = (chunk: Buffer) => {
    printed += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      process.kill(-(child.pid ?? 0), 'SIGTERM')
      setTimeout(() => process.kill(-(child.pid ?? 0), 'SIGKILL'), 5_000).unref()
    })
  const url = `http://${host}:${port}`
  try {
    await expect
      .poll(() => fetch(`${url}/`).then((r) => r.status, () => (child.exitCode === null ? 0 : -1)), { timeout: 45_000 })
      .toBe(200)
  } catch (error) {
    await stop()
    throw new Error(`the app did not start on ${url}: ${error}\n${printed}`)
  }
  return { url, port, output: () => printed, stop }
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

/** Sends the headers of a POST and part of its body, then stalls; resolves with what came back. */
function stalledPost(
  host: string,
  port: number,
  path: string,
  headers: Record<string, string>,
  waitMs: number,
): Promise<{ text: string; afterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = connect(port, host)
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      text += chunk
    })
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ text, afterMs: Date.now() - started })
    }
    const timer = setTimeout(done, waitMs)
    socket.once('close', done)
    socket.once('error', done)
    socket.write(
      [
        `POST ${path} HTTP/1.1`,
        `Host: ${host}:${port}`,
        'Content-Type: application/json',
        'Content-Length: 100',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        '',
        '{"t',
      ].join('\r\n'),
    )
  })
}

test.describe('pnpm start', () => {
  test.describe.configure({ timeout: 90_000 })

  // 127.0.0.2 is loopback, but `localhost` does not resolve to it.
  test('listens on exactly the HOST asked, where a link signs the browser in', async ({ browser }) => {
    const port = await freePort('127.0.0.2')
    const emulator = await startEmulator({
      users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }],
      allowedRedirectOrigins: [`http://127.0.0.2:${port}`],
    })
    const started = await startOn(emulator, '127.0.0.2', port).catch(async (error) => {
      await emulator.close()
      throw error
    })
    try {
      expect(await accepts('127.0.0.2', port)).toBe(true)
      expect(await accepts('127.0.0.1', port), started.output()).toBe(false)
      const external = Object.values(networkInterfaces())
        .flat()
        .filter((address) => address !== undefined && !address.internal && address.family === 'IPv4')
      for (const address of external) expect(await accepts(address?.address ?? '', port)).toBe(false)

      // Clerk's middleware (its handshake rewrite included) works on that address.
      const ada = emulator.users.findByEmail('ada@example.com')
      const token = (await emulator.signIn(ada?.id ?? '')).token
      const minted = await fetch(`${started.url}/api/agent-tasks`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ redirectUrl: '/dashboard' }),
      })
      expect(minted.status, started.output()).toBe(201)
      const { agentTask } = (await minted.json()) as { agentTask: { url: string } }
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(agentTask.url)
      await expect(page).toHaveURL(`${started.url}/dashboard`)
      await expect(page.locator('header')).toContainText('Welcome, Ada')
      await context.close()
    } finally {
      await started.stop()
      await emulator.close()
    }
  })

  test('answers 408 to a request body that stalls, within the time limit, and closes the connection', async () => {
    const emulator = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada' }] })
    const port = await freePort('127.0.0.1')
    const started = await startOn(emulator, '127.0.0.1', port, { REQUEST_TIMEOUT_MS: '2000' }).catch(async (error) => {
      await emulator.close()
      throw error
    })
    try {
      const token = (await emulator.signIn(emulator.users.findByEmail('ada@example.com')?.id ?? '')).token
      const result = await stalledPost('127.0.0.1', port, '/api/agent-tasks', { Authorization: `Bearer ${token}` }, 8_000)
      expect(result.text, started.output()).toMatch(/^HTTP\/1\.1 408 /)
      expect(result.text.toLowerCase()).toContain('connection: close')
      expect(result.afterMs).toBeLessThan(5_000)
      expect(emulator.state.agentTasks()).toHaveLength(0)
    } finally {
      await started.stop()
      await emulator.close()
    }
  })
})
