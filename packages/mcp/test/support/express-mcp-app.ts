import type { Server } from 'node:http'
import type { Emulator } from '@agent-tasks/emulator'
import { type AgentTasksOptions, createAgentTasks } from '@agent-tasks/express'
import { clerkMiddleware, createClerkClient, getAuth } from '@clerk/express'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import express from 'express'
import { createBrowserSessionTool } from '../../src/server-tool/index.js'

export interface ExpressMcpApp {
  /** `http://127.0.0.1:<port>` */
  origin: string
  close(): Promise<void>
}

/**
 * A real Express 5 app with `clerkMiddleware()` on the emulator, the `@agent-tasks/express` instance
 * (its HTTP contract at /api/agent-tasks), a dashboard that shows who is signed in, and an MCP server
 * at /mcp in the SDK's stateless Streamable HTTP mode: a server and transport per request, the tool
 * bound to that request, as the README shows.
 */
export async function startExpressMcpApp(emulator: Emulator, options: AgentTasksOptions): Promise<ExpressMcpApp> {
  const keys = { secretKey: emulator.secretKey, publishableKey: emulator.publishableKey, jwtKey: emulator.jwtKey }
  const clerkClient = createClerkClient({ ...keys, apiUrl: emulator.apiUrl, telemetry: { disabled: true } })
  const agentTasks = createAgentTasks({ clerkClient, ...options })
  const app = express()
  app.use(clerkMiddleware({ ...keys, proxyUrl: emulator.url, clerkClient }))
  app.use('/api/agent-tasks', agentTasks.handler)

  app.post('/mcp', express.json(), async (req, res) => {
    const server = new McpServer({ name: 'express-test-app', version: '0.0.0' })
    server.registerTool(...createBrowserSessionTool(agentTasks, req))
    // No sessionIdGenerator: stateless.
    const transport = new StreamableHTTPServerTransport({})
    res.on('close', () => {
      void transport.close()
      void server.close()
    })
    await server.connect(transport)
    await transport.handleRequest(req, res, req.body)
  })
  // Stateless: no server-initiated stream to open (GET) and no session to end (DELETE).
  app.all('/mcp', (_req, res) => {
    res.status(405).set('Allow', 'POST').json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null })
  })

  app.get('/dashboard', (req, res) => {
    const auth = getAuth(req)
    res.send(
      `<!doctype html><title>Dashboard</title><p>User: <span data-testid="user">${auth.userId ?? 'signed out'}</span></p>` +
        `<p>Actor: <span data-testid="actor">${(auth.actor?.type as string | undefined) ?? 'none'}</span></p>`,
    )
  })

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the test app has no port')
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
