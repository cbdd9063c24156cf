#!/usr/bin/env node
// The README's first command: the offline Clerk emulator with a demo user, a sample app against it
// (Express unless another framework is named), and a fresh agent-task link for that user, minted
// through the sample app's own route.
import { execFileSync, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { sdkEnv, startEmulator } from '@agent-tasks/emulator'

const root = resolve(import.meta.dirname, '..')
if (process.argv[2] === 'agent') {
  await import('./demo-agent.mjs')
  await new Promise(() => {}) // demo-agent.mjs exits when done
}
const frameworks = { express: 'Express', fastify: 'Fastify', nextjs: 'Next.js', 'react-router': 'React Router', 'tanstack-react-start': 'TanStack Start', astro: 'Astro', nuxt: 'Nuxt' }
const framework = (process.argv[2] ?? 'express').toLowerCase().replace(/^next$/, 'nextjs').replace(/^(tanstack|tanstack-start)$/, 'tanstack-react-start')
if (!(framework in frameworks)) {
  console.error(`Unknown framework "${process.argv[2]}". Choose one of: ${Object.keys(frameworks).join(', ')}.`)
  process.exit(64)
}
const frameworkName = frameworks[framework]

// Builds the sample app and the packages it uses (cached by turbo after the first time).
execFileSync('pnpm', ['turbo', 'run', 'build', `--filter=@agent-tasks/app-${framework}...`, '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
})
const appPort = Number(process.env.PORT ?? 3000)
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010)
const appOrigin = `http://127.0.0.1:${appPort}`

const emulator = await startEmulator({
  port: emulatorPort,
  users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }],
}).catch((error) => {
  console.error(`Could not start the Clerk emulator on port ${emulatorPort} (${error.message}). Set EMULATOR_PORT to a free port.`)
  process.exit(1)
})

// `pnpm start` in the app's folder, as a user would run it; its own process group so that stopping
// it stops whatever it started. With the emulator's settings under every name the frameworks' Clerk SDKs
// read, the app's `agent-tasks-emulator run` starts no emulator of its own and uses this one.
const app = spawn('pnpm', ['--silent', 'start'], {
  cwd: resolve(root, 'apps', framework),
  env: { ...process.env, ...sdkEnv(emulator.env), PORT: String(appPort), HOST: '127.0.0.1' },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
})
const stopApp = () => {
  try {
    process.kill(-app.pid, 'SIGTERM')
  } catch {}
}

async function shutdown(code) {
  app.removeAllListeners('exit')
  stopApp()
  await emulator.close()
  process.exit(code)
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))
app.on('exit', (code) => {
  console.error(`The sample app exited (code ${code}). Is port ${appPort} free? Set PORT to use another.`)
  void emulator.close().then(() => process.exit(1))
})

async function waitForApp() {
  for (let attempt = 0; attempt < 400; attempt++) {
    try {
      const response = await fetch(`${appOrigin}/`)
      if (response.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`the sample app did not answer on ${appOrigin}`)
}

await waitForApp()
const user = emulator.users.findByEmail('ada@example.com')
const { token } = await emulator.signIn(user.id)
const response = await fetch(`${appOrigin}/api/agent-tasks`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ taskDescription: 'Demo: look around the dashboard', redirectUrl: '/dashboard' }),
})
const body = await response.json()
if (!response.ok) {
  console.error(`Minting the demo link failed: ${body.detail ?? response.status}`)
  await shutdown(1)
}

console.log(`
Agent Tasks demo — ${frameworkName} sample app on ${appOrigin}, offline Clerk emulator on ${emulator.url}

Open this one-time link in a browser to land on the dashboard signed in as ada@example.com:

  ${body.agentTask.url}

(It works once. Sign in again at ${appOrigin} to mint more from the dashboard. Ctrl-C to stop.)
`)
