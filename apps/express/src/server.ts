import { createApp } from './app.ts'
import { clerkUiFromEnv } from './clerk-ui.ts'

// Clerk's settings come from the environment: `npm start` runs this file under `agent-tasks-emulator run`,
// which starts the offline Clerk emulator and sets them unless CLERK_SECRET_KEY is set (in the
// environment or in .env, which `node --env-file-if-exists=.env` loads).

if (!process.env.BROWSER_USE_API_KEY) {
  // The offline Browser Use, whose agent browses in Debian's Chromium: loaded only without a real key.
  const { startBrowserUseEmulator } = await import('@agent-tasks/browser-use-emulator')
  const browserUse = await startBrowserUseEmulator()
  Object.assign(process.env, browserUse.env)
  console.warn(`No BROWSER_USE_API_KEY set: using the offline Browser Use at ${browserUse.baseUrl}`)
}

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const app = createApp({ clerk: clerkUiFromEnv() })
const server = app.listen(port, host, (error?: Error) => {
  if (error) {
    console.error(`Could not listen on ${host}:${port}: ${error.message}`)
    process.exit(1)
  }
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  console.warn(`Express sample app listening on http://${host}:${actualPort}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections()
    server.close(() => process.exit(0))
  })
}
