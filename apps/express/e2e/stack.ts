import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { test as base } from '@playwright/test'

export interface Stack {
  emulator: Emulator
  /** Origin of the sample app, e.g. http://127.0.0.1:40123 */
  appUrl: string
  ada: { id: string; email: string }
  /** Mints a link through the app's own route, as the signed-in Ada (Bearer token). */
  mintLink(body?: Record<string, unknown>): Promise<{ agentTaskId: string; url: string }>
  revokeLink(agentTaskId: string): Promise<number>
}

const appDir = fileURLToPath(new URL('..', import.meta.url))

/** Starts `pnpm start`'s entry point (`node src/server.ts`) on a free port against the emulator. */
function startApp(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: appDir,
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
      if (match?.[1]) resolve({ child, url: match[1] })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`sample app exited with ${code}: ${output}`)))
  })
}

export const test = base.extend<object, { stack: Stack }>({
  stack: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first argument
    async ({}, use) => {
      const emulator: Emulator = await startEmulator({
        users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }],
      })
      const { child, url: appUrl } = await startApp(emulator.env)
      const user = emulator.users.findByEmail('ada@example.com')
      if (!user) throw new Error('no demo user')
      const ada = { id: user.id, email: 'ada@example.com' }
      const bearer = async () => `Bearer ${(await emulator.signIn(ada.id)).token}`
      await use({
        emulator,
        appUrl,
        ada,
        async mintLink(body = {}) {
          const response = await fetch(`${appUrl}/api/agent-tasks`, {
            method: 'POST',
            headers: { Authorization: await bearer(), 'Content-Type': 'application/json' },
            body: JSON.stringify({ redirectUrl: '/dashboard', taskDescription: 'e2e', ...body }),
          })
          if (response.status !== 201) throw new Error(`mint failed: ${response.status} ${await response.text()}`)
          return (await response.json()).agentTask
        },
        async revokeLink(agentTaskId) {
          const response = await fetch(`${appUrl}/api/agent-tasks/${agentTaskId}/revoke`, {
            method: 'POST',
            headers: { Authorization: await bearer() },
          })
          return response.status
        },
      })
      child.kill('SIGTERM')
      await emulator.close()
    },
    { scope: 'worker' },
  ],
})

export { expect } from '@playwright/test'
