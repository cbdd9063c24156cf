import { createApp } from './app.ts'

// Real Clerk keys come from .env (see README); without them the app runs on the offline emulator.
try {
  process.loadEnvFile()
} catch {
  // no .env file: fine
}

if (!process.env.CLERK_SECRET_KEY) {
  // Loaded only here, so an app running on real Clerk never loads the emulator.
  const { startEmulator } = await import('@agent-tasks/emulator')
  const emulator = await startEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 0),
    users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }],
  })
  Object.assign(process.env, emulator.env)
  console.warn(`No CLERK_SECRET_KEY set: using the offline Clerk emulator at ${emulator.url}`)
}

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const app = await createApp({ signInUrl: process.env.CLERK_SIGN_IN_URL })
try {
  const address = await app.listen({ port, host })
  console.warn(`Fastify sample app listening on ${address}`)
} catch (error) {
  console.error(`Could not listen on ${host}:${port}: ${(error as Error).message}`)
  process.exit(1)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app.close().then(() => process.exit(0))
  })
}
