import type { Server } from 'node:http'
import type { ConformanceTarget } from '@agent-tasks/conformance'
import { fixtureProgrammaticPath, fixtureRoutePath, guardedAnswer, guardedRoutes, programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { clerkMiddleware } from '@clerk/express'
import express, { type Response } from 'express'
import { type AgentTasks, createAgentTasks } from '../src/index.js'

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(server)))
  })
}

export async function serve(app: express.Express): Promise<{ origin: string; close(): Promise<void> }> {
  const server = await listen(app)
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/** App routes calling the instance's programmatic API, as `programmaticRoutes` describes. */
function programmaticRouter(agentTasks: AgentTasks): express.Router {
  const answer = (res: Response, status: number, work: () => Promise<unknown>) =>
    programmaticAnswer(status, work).then((result) => res.status(result.status).json(result.body))
  const router = express.Router()
  router.use(express.json())
  router.post('/create', (req, res) => answer(res, 201, async () => ({ agentTask: await agentTasks.create(req, req.body) })))
  router.post('/revoke/:agentTaskId', (req, res) =>
    answer(res, 200, async () => ({ agentTask: await agentTasks.revoke(req, req.params.agentTaskId) })),
  )
  router.get('/records', (req, res) => answer(res, 200, async () => ({ records: (await agentTasks.list(req)).data })))
  router.post('/revoke-all', (req, res) => answer(res, 200, () => agentTasks.revokeAll(req)))
  return router
}

/** The app's own routes the suite's guard cases call (`guardedRoutes`). */
function guardedRouter(): express.Router {
  const router = express.Router()
  router.get(guardedRoutes.billingPage, (_req, res) => {
    res.type('html').send('<h1>Billing</h1>')
  })
  router.get(guardedRoutes.billingApi, (_req, res) => {
    res.json(guardedAnswer('billing'))
  })
  router.all(guardedRoutes.reports, (_req, res) => {
    res.json(guardedAnswer('reports'))
  })
  return router
}

/**
 * An Express 5 app as users write it: `clerkMiddleware()` configured by the `CLERK_*` environment
 * (pointed at the emulator), then one agent-tasks instance mounted every way it can be, optionally
 * after `express.json()`.
 */
export function expressTarget(name: string, bodyParser: 'none' | 'express.json'): ConformanceTarget {
  return {
    name,
    upstreamBodyParser: bodyParser === 'express.json',
    ...(bodyParser === 'express.json' ? { bodyReadBeforeAdapterBy: 'express.json()' } : {}),
    async start(emulator, options, { profile }) {
      Object.assign(process.env, emulator.env)
      const agentTasks = createAgentTasks(options)
      const app = express()
      app.use(clerkMiddleware())
      // One guard per app, as in the out-of-process fixtures: the main profile's.
      if (profile === 'main') app.use(agentTasks.guard)
      if (bodyParser === 'express.json') app.use(express.json())
      app.use('/api/agent-tasks', agentTasks.handler)
      app.post(fixtureRoutePath, agentTasks.route)
      app.use(fixtureProgrammaticPath, programmaticRouter(agentTasks))
      app.use(guardedRouter())
      const running = await serve(app)
      return { ...running, basePath: '/api/agent-tasks', routePath: fixtureRoutePath, programmaticPath: fixtureProgrammaticPath }
    },
    withoutClerk: {
      fix: 'app.use(clerkMiddleware())',
      async start() {
        const app = express()
        app.use('/api/agent-tasks', createAgentTasks().handler)
        return { app: { ...(await serve(app)), basePath: '/api/agent-tasks' } }
      },
    },
  }
}
