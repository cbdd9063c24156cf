import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startEmulator } from '@agent-tasks/emulator'

const sampleAppDir = fileURLToPath(new URL('../../../../apps/express', import.meta.url))

/**
 * For the `examples` project: the offline Clerk emulator, then the Express sample app started the way
 * `pnpm start` starts it (`node src/server.ts`, `PORT=0`) against it. The specs get what a real suite
 * gets: `CLERK_SECRET_KEY` and `CLERK_API_URL` in the environment and the app's URL (`EXAMPLE_APP_URL`,
 * the project's `baseURL`). Teardown fails the run if any session or link is still live.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const emulator = await startEmulator({
    users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }],
    rateLimit: false,
  })
  const app = spawn(process.execPath, ['src/server.ts'], {
    cwd: sampleAppDir,
    env: { ...process.env, ...emulator.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  try {
    const url = await listeningUrl(app, (chunk) => {
      output += chunk
    })
    process.env.CLERK_SECRET_KEY = emulator.secretKey
    process.env.CLERK_API_URL = emulator.apiUrl
    process.env.EXAMPLE_APP_URL = url
  } catch (error) {
    app.kill('SIGKILL')
    await emulator.close()
    throw new Error(`${error instanceof Error ? error.message : error}\n${output}`)
  }
  return async () => {
    await stop(app)
    const live = {
      activeSessions: emulator.state.sessions().filter((s) => s.status === 'active' && s.agentTaskId).length,
      pendingLinks: emulator.state.agentTasks().filter((t) => t.status === 'pending').length,
    }
    await emulator.close()
    if (live.activeSessions > 0 || live.pendingLinks > 0) {
      throw new Error(`the examples left live access behind: ${JSON.stringify(live)}`)
    }
    if (/ticket=/.test(output)) throw new Error('the sample app printed an agent-task link')
  }
}

function listeningUrl(app: ChildProcess, collect: (chunk: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Express sample app did not start within 30 s')), 30_000)
    const onData = (chunk: Buffer) => {
      collect(chunk.toString())
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString())
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    app.stdout?.on('data', onData)
    app.stderr?.on('data', onData)
    app.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the Express sample app exited with code ${code}`))
    })
  })
}

function stop(app: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (app.exitCode !== null || app.signalCode !== null) return resolve()
    app.once('exit', () => resolve())
    app.kill('SIGTERM')
    setTimeout(() => app.kill('SIGKILL'), 5_000).unref()
  })
}
