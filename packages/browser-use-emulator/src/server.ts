import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Faults } from './faults.js'
import type { TaskRunner } from './task-runner.js'
import type { EmulatedTask } from './types.js'
import { readCreateTask, ValidationFailed } from './validate.js'
import { sessionView, taskStatusView, taskView } from './views.js'

export interface ServerDeps {
  apiKey: string
  maxConcurrentTasks: number
  runner: TaskRunner
  faults: Faults
  baseUrl: () => string
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new ValidationFailed([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }])
  }
}

/** The v2 routes the SDK calls: create, get, status and stop a task; get a session. */
async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, method: string, path: string): Promise<void> {
  const { runner } = deps
  const findTask = (id: string | undefined): EmulatedTask | undefined => (id ? runner.tasks.get(id) : undefined)
  if (method === 'POST' && path === '/api/v2/tasks') {
    const input = readCreateTask(await readJson(req))
    if (runner.activeCount() >= deps.maxConcurrentTasks) {
      return send(res, 429, { detail: `Too many concurrent active sessions: at most ${deps.maxConcurrentTasks}. Stop a task or wait for one to finish.` })
    }
    const task = runner.create(input)
    return send(res, 202, { id: task.id, sessionId: task.sessionId })
  }
  const taskMatch = /^\/api\/v2\/tasks\/([^/]+)(\/status)?$/.exec(path)
  if (taskMatch) {
    const task = findTask(taskMatch[1])
    if (!task) return send(res, 404, { detail: 'Task not found' })
    if (method === 'GET') return send(res, 200, taskMatch[2] ? taskStatusView(task) : taskView(task))
    if (method === 'PATCH' && !taskMatch[2]) {
      const { action } = (await readJson(req)) as { action?: unknown }
      if (action !== 'stop' && action !== 'stop_task_and_session') {
        throw new ValidationFailed([{ loc: ['body', 'action'], msg: "Input should be 'stop' or 'stop_task_and_session'", type: 'enum' }])
      }
      await runner.stop(task)
      return send(res, 200, taskView(task))
    }
  }
  const sessionMatch = /^\/api\/v2\/sessions\/([^/]+)$/.exec(path)
  if (sessionMatch && method === 'GET') {
    const task = [...runner.tasks.values()].find((candidate) => candidate.sessionId === sessionMatch[1])
    if (!task) return send(res, 404, { detail: 'Session not found' })
    return send(res, 200, sessionView(task, deps.baseUrl()))
  }
  return send(res, 404, { detail: 'Not Found' })
}

export function createBrowserUseServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const method = req.method ?? 'GET'
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    const fault = deps.faults.forRequest(method, path)
    if (fault?.dropConnection) {
      req.socket.destroy()
      return
    }
    if (fault?.echoInput) {
      readJson(req).then(
        (input) => send(res, fault.status ?? 422, { detail: [{ type: 'value_error', loc: ['body'], msg: `Injected fault: ${fault.status ?? 422}`, input }] }),
        () => send(res, fault.status ?? 422, { detail: [{ type: 'value_error', loc: ['body'], msg: `Injected fault: ${fault.status ?? 422}`, input: null }] }),
      )
      return
    }
    if (fault) return send(res, fault.status ?? 500, { detail: `Injected fault: ${fault.status ?? 500}` })
    if (req.headers['x-browser-use-api-key'] !== deps.apiKey) {
      return send(res, 401, { detail: 'Invalid or missing API key: send it in X-Browser-Use-API-Key.' })
    }
    route(deps, req, res, method, path).catch((error: unknown) => {
      if (error instanceof ValidationFailed) return send(res, 422, { detail: error.detail })
      send(res, 500, { detail: 'Internal Server Error' })
    })
  })
}
