// `pnpm start`: serves the production build (`.output/server/index.mjs`, Nitro's Node server, which
// reads HOST and PORT). Real Clerk keys come from .env (see README); without them the offline emulator
// starts here first. Nuxt reads Clerk's settings from runtime config, overridden by NUXT_… variables:
// the CLERK_* names every sample app uses are mapped to them here, so one .env works for all.
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
// comes from Clerk's CDN. A NUXT_… value you set yourself wins.
const nuxtNames = {
  CLERK_PUBLISHABLE_KEY: 'NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
  CLERK_PROXY_URL: 'NUXT_PUBLIC_CLERK_PROXY_URL',
  CLERK_JS_URL: 'NUXT_PUBLIC_CLERK_JS_URL',
  CLERK_TELEMETRY_DISABLED: 'NUXT_PUBLIC_CLERK_TELEMETRY_DISABLED',
  CLERK_SECRET_KEY: 'NUXT_CLERK_SECRET_KEY',
  CLERK_API_URL: 'NUXT_CLERK_API_URL',
  CLERK_JWT_KEY: 'NUXT_CLERK_JWT_KEY',
}
for (const [name, nuxtName] of Object.entries(nuxtNames)) {
  if (process.env[name] && !process.env[nuxtName]) process.env[nuxtName] = process.env[name]
}

// No telemetry from the build: nothing here calls out beyond the app and Clerk.
const env = { ...process.env, NUXT_TELEMETRY_DISABLED: '1' }
if (!existsSync(new URL('../.output/server/index.mjs', import.meta.url))) {
  console.warn('No build found: running `nuxt build` first (run `pnpm build` after changing the app).')
  const build = spawnSync(process.execPath, [binOf('nuxt', 'nuxt'), 'build'], { cwd: appDir, stdio: 'inherit', env })
  if (build.status !== 0) {
    await emulator?.close()
    process.exit(build.status ?? 1)
  }
}

const host = process.env.HOST ?? '127.0.0.1'
const port = process.env.PORT ?? '3000'
const server = spawn(process.execPath, ['.output/server/index.mjs'], {
  cwd: appDir,
  stdio: 'inherit',
  env: { ...env, HOST: host, PORT: port, NODE_ENV: process.env.NODE_ENV ?? 'production' },
})
console.warn(`Nuxt sample app starting on http://${host.includes(':') ? `[${host}]` : host}:${port}`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal))
}
server.on('exit', async (code, signal) => {
  await emulator?.close()
  process.exit(code ?? (signal ? 0 : 1))
})
