import { createApp } from './app.ts'
import { clerkUiFromEnv } from './clerk-ui.ts'

// Clerk's settings come from the environment: `npm start` runs this file under `agent-tasks-emulator run`,
// which starts the offline Clerk emulator and sets them unless CLERK_SECRET_KEY is set (in the
// environment or in .env, which `node --env-file-if-exists=.env` loads).

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const app = await createApp({ clerk: clerkUiFromEnv() })
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
