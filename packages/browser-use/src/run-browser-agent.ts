import { AgentTaskError, type AgentTaskRecord, type CreateAgentTaskInput, type CreatedAgentTask, redactCredentials } from '@agent-tasks/core'
import type { BrowserUse } from 'browser-use-sdk'
import { BrowserAgentError, fromBrowserUse, isRetryable, type Redact, redactedError } from './errors.js'
import { abortError, followTask, TERMINAL, type TaskSnapshot } from './follow-task.js'
import { truncateText } from './truncate.js'

/** Mints and ends links for the user the run acts for: bind your adapter's calls to the request. */
export interface AgentTaskAccess {
  create(input: CreateAgentTaskInput): Promise<CreatedAgentTask>
  revoke(agentTaskId: string): Promise<AgentTaskRecord>
}

/** The part of `browser-use-sdk`'s `BrowserUse` client (API v2) used here: `new BrowserUse({ apiKey, baseUrl })`. */
export interface BrowserUseTasks {
  tasks: Pick<BrowserUse['tasks'], 'create' | 'get' | 'stop'>
}

export interface BrowserAgentStep {
  number: number
  goal: string
  /** The page, with any link, ticket or token in it redacted. */
  url: string
}

export interface RunBrowserAgentOptions {
  agentTasks: AgentTaskAccess
  /** `new BrowserUse({ apiKey, baseUrl })` from `browser-use-sdk`. */
  browserUse: BrowserUseTasks
  /** What the agent should do, in words. */
  task: string
  /** Where the link lands: a path of the app or an allowed absolute URL (checked by core). */
  redirectUrl?: string
  /** What the link is for, as the user's panel shows it. Default: the task, cut to core's 500 characters. */
  taskDescription?: string
  agentName?: string
  sessionMaxDurationInSeconds?: number
  /** Domains the agent may visit besides the app and the Clerk Frontend API of the link. */
  allowedDomains?: readonly string[]
  /** Browser Use model (`llm`), steps and structured output (a JSON schema as a string). */
  llm?: string
  maxSteps?: number
  structuredOutput?: string
  /** Longest the run may take, Browser Use included. Default 10 minutes. */
  timeoutMs?: number
  /** First polling interval; it backs off to 5 s. Default 1000 ms. */
  pollIntervalMs?: number
  signal?: AbortSignal
  /** Called for each new step, as it happens. */
  onStep?: (step: BrowserAgentStep) => void
}

/** What the clean-up after the run did. */
export type BrowserAgentCleanup = 'link-revoked' | 'session-ended' | 'already-ended' | { failed: string }

export interface BrowserAgentResult {
  agentTaskId: string
  browserUseTaskId: string
  browserUseSessionId: string
  status: 'finished' | 'failed' | 'stopped'
  isSuccess: boolean | null
  output: string | null
  cost: string | null
  steps: BrowserAgentStep[]
  cleanup: BrowserAgentCleanup
}

const ENDED_ALREADY = new Set(['agent_task_already_revoked', 'agent_session_already_ended'])

async function endAccess(access: AgentTaskAccess, agentTaskId: string, redact: Redact): Promise<BrowserAgentCleanup> {
  try {
    const record = await access.revoke(agentTaskId)
    return record.status === 'used' ? 'session-ended' : 'link-revoked'
  } catch (error) {
    if (error instanceof AgentTaskError && ENDED_ALREADY.has(error.code)) return 'already-ended'
    const reason = redact(error instanceof Error ? error.message : String(error))
    return { failed: `Could not end the agent's access (${reason}). End it with \`agent-tasks end\` or from the app's panel.` }
  }
}

/** The link and its ticket, wherever they appear, and any credential core's redaction knows. */
function redactorFor(linkUrl: string): Redact {
  const ticket = URL.canParse(linkUrl) ? new URL(linkUrl).searchParams.get('ticket') : null
  const secrets = ticket ? [linkUrl, ticket] : [linkUrl]
  return (text) => redactCredentials(text, secrets)
}

async function stopQuietly(browserUse: BrowserUseTasks, id: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await browserUse.tasks.stop(id)
      return
    } catch (error) {
      if (!isRetryable(error)) return
    }
  }
}

/**
 * Sends a Browser Use agent into the app signed in as the user: mints a link through core (same
 * validation, policy, limits and record as any other), creates a Browser Use task starting on it and
 * limited to the app and Clerk's Frontend API, follows it to the end, and always cleans up: stops the
 * task if it still runs and ends the agent's access (its Clerk session, or the link if it was never
 * used), on success, failure, timeout or abort. The link goes to Browser Use and nowhere else.
 */
export async function runBrowserAgent(options: RunBrowserAgentOptions): Promise<BrowserAgentResult> {
  const { agentTasks, browserUse, signal } = options
  if (signal?.aborted) throw abortError()
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000)
  const link = await agentTasks.create({
    ...(options.redirectUrl === undefined ? {} : { redirectUrl: options.redirectUrl }),
    ...(options.taskDescription === undefined ? { taskDescription: truncateText(options.task, 500) } : { taskDescription: options.taskDescription }),
    ...(options.agentName === undefined ? {} : { agentName: options.agentName }),
    ...(options.sessionMaxDurationInSeconds === undefined ? {} : { sessionMaxDurationInSeconds: options.sessionMaxDurationInSeconds }),
  })
  const redact = redactorFor(link.url)
  const allowedDomains = [...new Set([new URL(link.url).host, new URL(link.redirectUrl).host, ...(options.allowedDomains ?? [])])]
  const steps: BrowserAgentStep[] = []
  let created: { id: string; sessionId: string } | undefined
  let last: TaskSnapshot | undefined
  try {
    try {
      created = await browserUse.tasks.create({
        task: options.task,
        startUrl: link.url,
        allowedDomains,
        metadata: { agentTaskId: link.agentTaskId },
        ...(options.llm === undefined ? {} : { llm: options.llm as NonNullable<Parameters<BrowserUse['tasks']['create']>[0]['llm']> }),
        ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
        ...(options.structuredOutput === undefined ? {} : { structuredOutput: options.structuredOutput }),
      })
    } catch (error) {
      throw fromBrowserUse(error, 'creating the task', redact)
    }
    last = await followTask(created.id, {
      get: (id) => browserUse.tasks.get(id) as Promise<TaskSnapshot>,
      intervalMs: options.pollIntervalMs ?? 1000,
      deadline,
      signal,
      redact,
      onSnapshot(task) {
        for (const step of task.steps.slice(steps.length)) {
          const reported = { number: step.number, goal: redact(step.nextGoal), url: redact(step.url) }
          steps.push(reported)
          options.onStep?.(reported)
        }
      },
    })
  } catch (error) {
    if (created && !(last && TERMINAL.has(last.status))) await stopQuietly(browserUse, created.id)
    const cleanup = await endAccess(agentTasks, link.agentTaskId, redact)
    // Every BrowserAgentError leaves redacted, its cause too; others are the caller's own (onStep).
    if (error instanceof BrowserAgentError) throw redactedError(error, redact, typeof cleanup === 'object' ? ` ${cleanup.failed}` : '')
    throw error
  }
  const cleanup = await endAccess(agentTasks, link.agentTaskId, redact)
  return {
    agentTaskId: link.agentTaskId,
    browserUseTaskId: redact(created.id),
    browserUseSessionId: redact(created.sessionId),
    status: last.status as BrowserAgentResult['status'],
    isSuccess: last.isSuccess ?? null,
    output: last.output == null ? null : redact(last.output),
    cost: last.cost == null ? null : redact(last.cost),
    steps,
    cleanup,
  }
}
