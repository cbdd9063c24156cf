import type { Server } from 'node:http'
import type { ConformanceTarget } from '@agent-tasks/conformance'
import { clerkMiddleware } from '@clerk/express'
import express from 'express'
import { createAgentTasksHandler } from '../src/index.js'

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(server)))
  })
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

export async function serve(app: express.Express): Promise<{ origin: string; close(): Promise<void> }> {
  const server = await listen(app)
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { origin: `http://127.0.0.1:${address.port}`, close: () => closeServer(server) }
}

/**
 * An Express 5 app as users write it: `clerkMiddleware()` configured by the `CLERK_*` environment
 * (pointed at the emulator), then the agent-tasks router, optionally after `express.json()`.
 */
export function expressTarget(name: string, bodyParser: 'none' | 'express.json'): ConformanceTarget {
  return {
    name,
    upstreamBodyParser: bodyParser === 'express.json',
    async start(emulator, options) {
      Object.assign(process.env, emulator.env)
      const app = express()
      app.use(clerkMiddleware())
      if (bodyParser === 'express.json') app.use(express.json())
      app.use('/api/agent-tasks', createAgentTasksHandler(options))
      const running = await serve(app)
      return { ...running, basePath: '/api/agent-tasks' }
    },
  }
}
