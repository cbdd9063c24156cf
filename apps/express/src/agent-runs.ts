import { randomUUID } from 'node:crypto'
import { type BrowserAgentResult, type BrowserAgentStep, runBrowserAgent } from '@agent-tasks/browser-use'
import type { AgentTasks } from '@agent-tasks/express'
import { getAuth } from '@clerk/express'
import { BrowserUse } from 'browser-use-sdk'
import express, { type Request, type Response } from 'express'
import { createAgentRunRegistry } from './agent-run-registry.ts'

/** One browser agent sent by a user, as the dashboard follows it. Never holds the link. */
interface AgentRun {
  id: string
  ownerUserId: string
  task: string
  status: 'running' | 'finished' | 'failed' | 'stopped' | 'error'
  steps: BrowserAgentStep[]
  result: BrowserAgentResult | undefined
  error: string | undefined
  controller: AbortController
}

/** Where the agent's link lands it: `/billing` shows the agent policy refusing it (you can approve it in the panel). */
const START_PAGES: readonly unknown[] = ['/dashboard', '/billing']

/** The newest runs of this process; older ended ones are forgotten (a panel, not an archive). */
const MAX_RUNS = 100
const runs = createAgentRunRegistry<AgentRun>(MAX_RUNS)

function publicView(run: AgentRun) {
  return {
    id: run.id,
    task: run.task,
    status: run.status,
    steps: run.steps,
    output: run.result?.output ?? null,
    isSuccess: run.result?.isSuccess ?? null,
    cleanup: run.result?.cleanup ?? null,
    error: run.error ?? null,
  }
}

/**
 * `/api/agent-runs`: send a Browser Use agent into this app as the signed-in user
 * (`@agent-tasks/browser-use`), follow it, stop it. Runs live in this process's memory, the newest
 * 100 at most (older ended ones are forgotten; with 100 running, a new one answers 503).
 */
export function agentRunsRouter(agentTasks: AgentTasks): express.Router {
  const router = express.Router()
  router.use(express.json({ limit: '8kb' }))
  const ownRun = (req: Request, res: Response): AgentRun | undefined => {
    const run = runs.get(String(req.params.id))
    if (!run || run.ownerUserId !== getAuth(req).userId) {
      res.status(404).json({ title: 'Not found', detail: 'No such agent run of yours.' })
      return undefined
    }
    return run
  }
  router.use((req, res, next) => {
    const auth = getAuth(req)
    if (!auth.userId) return void res.status(401).json({ title: 'Not signed in', detail: 'Sign in to send an agent.' })
    if (auth.actor?.type === 'agent') return void res.status(403).json({ title: 'Agent session', detail: 'Agents cannot send agents.' })
    // Cookie-authenticated writes must come from this site's own pages (browsers send Sec-Fetch-Site).
    if (req.method !== 'GET' && req.get('sec-fetch-site') !== 'same-origin') {
      return void res.status(403).json({ title: 'Cross-site request', detail: 'Send it from the app’s own pages.' })
    }
    next()
  })
  router.post('/', (req, res) => {
    const task = typeof req.body?.task === 'string' ? req.body.task.trim() : ''
    const startPage = req.body?.startPage ?? '/dashboard'
    if (!START_PAGES.includes(startPage)) return void res.status(400).json({ title: 'Invalid request', detail: `startPage must be one of ${START_PAGES.join(', ')}.` })
    if (task === '' || task.length > 2000) return void res.status(400).json({ title: 'Invalid request', detail: 'Describe the task (up to 2,000 characters).' })
    if (!process.env.BROWSER_USE_API_KEY) return void res.status(503).json({ title: 'Browser Use not configured', detail: 'Set BROWSER_USE_API_KEY.' })
    const run: AgentRun = { id: randomUUID(), ownerUserId: getAuth(req).userId as string, task, status: 'running', steps: [], result: undefined, error: undefined, controller: new AbortController() }
    if (!runs.add(run)) {
      return void res.status(503).set('Retry-After', '60').json({ title: 'Too many agents running', detail: `${MAX_RUNS} agents are running in this app: try again when one has finished.` })
    }
    runBrowserAgent({
      agentTasks: { create: (input) => agentTasks.create(req, input), revoke: (id) => agentTasks.revoke(req, id) },
      browserUse: new BrowserUse({ apiKey: process.env.BROWSER_USE_API_KEY, ...(process.env.BROWSER_USE_BASE_URL ? { baseUrl: process.env.BROWSER_USE_BASE_URL } : {}) }),
      task,
      redirectUrl: startPage,
      // By code points: slice(0, 200) could cut an emoji in two, a lone surrogate core refuses.
      taskDescription: `Browser agent: ${Array.from(task).slice(0, 200).join('')}`,
      pollIntervalMs: 500,
      signal: run.controller.signal,
      onStep: (step) => run.steps.push(step),
    }).then(
      (result) => {
        run.result = result
        run.status = result.status
      },
      (error: Error & { code?: string }) => {
        run.status = error.code === 'aborted' ? 'stopped' : 'error'
        run.error = error.code === 'aborted' ? 'Stopped: the agent’s access was ended.' : error.message
      },
    )
    res.status(202).json(publicView(run))
  })
  router.get('/:id', (req, res) => {
    const run = ownRun(req, res)
    if (run) res.set('Cache-Control', 'no-store').json(publicView(run))
  })
  router.post('/:id/stop', (req, res) => {
    const run = ownRun(req, res)
    if (!run) return
    run.controller.abort()
    res.json(publicView(run))
  })
  return router
}
