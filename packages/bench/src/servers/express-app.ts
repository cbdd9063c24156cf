import { createAgentTasks, createMemoryStore } from '@agent-tasks/express'
import { clerkMiddleware } from '@clerk/express'
import express from 'express'
import { addSeedRoute } from './express-seed.ts'
import { announceListening, ROUTES } from './routes.ts'

// Forked by the bench with the emulator's CLERK_* environment.
// The seed route has no limits and keeps nothing: the same work here, with room for every link a run mints.
const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  limits: false,
  store: createMemoryStore({ maxRecords: 1_000_000 }),
})

const app = express()
app.use(clerkMiddleware())
addSeedRoute(app, ROUTES.seed)
app.post(ROUTES.adapter, agentTasks.route)

const server = app.listen(0, '127.0.0.1', (error?: Error) => {
  if (error) throw error
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  announceListening(address.port)
})
