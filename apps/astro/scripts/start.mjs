// `pnpm start`: serves the production build with @astrojs/node's standalone server (it reads HOST and
// PORT). Real Clerk keys come from .env (see README); without them the offline emulator starts here
// first. @clerk/astro reads its public settings under PUBLIC_ names: the CLERK_* names every sample
// app uses are mapped to them here, so one .env works for all.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const binOf = (pkg, name) => {
  const manifestPath = require.resolve(`${pkg}/package.json`)
  return join(dirname(manifestPath), require(manifestPath).bin[name])
}

try {
  process.loadEnvFile(new URL('../.env', import.meta.url))
} catch {
  // no .env file: fine
}

let emulator
if (!process.env.CLERK_SECRET_KEY) {
  // Loaded only here, so an app running on real Clerk never loads the emulator.
  const { startEmulator } = await import('@agent-tasks/emulator')
  emulator = await startEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 0),
    users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }],
  })
  Object.assign(process.env, emulator.env)
  console.warn(`No CLERK_SECRET_KEY set: using the offline Clerk emulator at ${emulator.url}`)
}

// CLERK_JS_URL is set by the emulator only (its stand-in for clerk-js); with real Clerk the script
// comes from Clerk's CDN.
for (const name of ['CLERK_PUBLISHABLE_KEY', 'CLERK_PROXY_URL', 'CLERK_SIGN_IN_URL', 'CLERK_TELEMETRY_DISABLED', 'CLERK_JS_URL']) {
  if (process.env[name] && !process.env[`PUBLIC_${name}`]) process.env[`PUBLIC_${name}`] = process.env[name]
}
// No Clerk UI components in these pages: no preload of Clerk's UI bundle (see astro.config.mjs).
process.env.PUBLIC_CLERK_PREFETCH_UI ??= 'false'

// No telemetry from the build: nothing here calls out beyond the app and Clerk.
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }
if (!existsSync(new URL('../dist/server/entry.mjs', import.meta.url))) {
  console.warn('No build found: running `astro build` first (run `pnpm build` after changing the app).')
  const build = spawnSync(process.execPath, [binOf('astro', 'astro'), 'build'], { cwd: appDir, stdio: 'inherit', env })
  if (build.status !== 0) {
    await emulator?.close()
    process.exit(build.status ?? 1)
  }
}

const host = process.env.HOST ?? '127.0.0.1'
const port = process.env.PORT ?? '3000'
const server = spawn(process.execPath, ['dist/server/entry.mjs'], {
  cwd: appDir,
  stdio: 'inherit',
  env: { ...env, HOST: host, PORT: port, NODE_ENV: process.env.NODE_ENV ?? 'production' },
})
console.warn(`Astro sample app starting on http://${host.includes(':') ? `[${host}]` : host}:${port}`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal))
}
server.on('exit', async (code, signal) => {
  await emulator?.close()
  process.exit(code ?? (signal ? 0 : 1))
})
