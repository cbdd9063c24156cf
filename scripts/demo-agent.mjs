#!/usr/bin/env node
// `./dev.sh demo agent`: the offline Clerk emulator, the offline Browser Use (its agent browses in
// Debian's Chromium), and the Express sample app; then `agent-tasks run` sends an agent into the app
// as the demo user, shows each step and the result, and the agent's session is ended afterwards.
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
execFileSync('pnpm', ['turbo', 'run', 'build', '--filter=@agent-tasks/app-express...', '--filter=@agent-tasks/cli...', '--filter=@agent-tasks/browser-use-emulator', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
})
// Imported once built (the build above makes their dist/).
const { startBrowserUseEmulator } = await import('@agent-tasks/browser-use-emulator')
const { startEmulator } = await import('@agent-tasks/emulator')
const appPort = Number(process.env.PORT ?? 3000)
const appOrigin = `http://127.0.0.1:${appPort}`
const clerk = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 4010), users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }] })
const browserUse = await startBrowserUseEmulator()
const app = spawn('pnpm', ['--silent', 'start'], {
  cwd: resolve(root, 'apps/express'),
  env: { ...process.env, ...clerk.env, PORT: String(appPort), HOST: '127.0.0.1' },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
})
async function shutdown(code) {
  try {
    process.kill(-app.pid, 'SIGTERM')
  } catch {}
  await browserUse.close()
  await clerk.close()
  process.exit(code)
}
for (let attempt = 0; ; attempt++) {
  const up = await fetch(`${appOrigin}/`).then((r) => r.ok, () => false)
  if (up) break
  if (attempt > 300) {
    console.error(`The sample app did not answer on ${appOrigin}: is port ${appPort} free? Set PORT to use another.`)
    await shutdown(1)
  }
  await new Promise((r) => setTimeout(r, 150))
}

const env = { ...process.env, ...clerk.env, ...browserUse.env, APP_URL: appOrigin }
async function agentTasks(args) {
  console.log(`\n$ agent-tasks ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`)
  const child = spawn(process.execPath, [resolve(root, 'packages/cli/bin/agent-tasks.js'), ...args], { env, stdio: 'inherit' })
  const [code] = await once(child, 'exit')
  return code
}

console.log(`Agent Tasks agent demo — Express sample app on ${appOrigin}, offline Clerk on ${clerk.url}, offline Browser Use on ${browserUse.baseUrl}`)
const code = await agentTasks(['run', '--user', 'ada@example.com', '--task', 'Open the dashboard and report the greeting', '--start', '/dashboard'])
await agentTasks(['sessions', '--user', 'ada@example.com', '--all'])
console.log('\nThe agent’s session above is revoked: it can no longer act as Ada.')
await shutdown(code ?? 1)
