import { createAgentTasks } from '@agent-tasks/express'
import { clerkMiddleware, getAuth } from '@clerk/express'
import express from 'express'
import { addSeedRoute } from './express-seed.ts'
import { adapterWork } from './adapter-options.ts'
import { announceListening, APP_ROUTE_ANSWER, GUARD_ROUTES, ROUTES } from './routes.ts'

// Forked by the bench with the emulator's CLERK_* environment.
const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' }, ...adapterWork() })

const app = express()
app.use(clerkMiddleware())
addSeedRoute(app, ROUTES.seed)
app.post(ROUTES.adapter, agentTasks.route)
// An app's own route behind Clerk: it reads who is signed in, as a protected route does.
const appRoute: express.RequestHandler = (req, res) => {
  res.json({ userId: getAuth(req).userId, ...APP_ROUTE_ANSWER })
}
app.get(GUARD_ROUTES.unguarded, appRoute)
app.get(GUARD_ROUTES.guarded, agentTasks.guard, appRoute)

const server = app.listen(0, '127.0.0.1', (error?: Error) => {
  if (error) throw error
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  announceListening(address.port)
})
