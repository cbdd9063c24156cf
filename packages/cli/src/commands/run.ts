import { BrowserAgentError, runBrowserAgent } from '@agent-tasks/browser-use'
import { BrowserUse } from 'browser-use-sdk'
import { CliError, EXIT } from '../cli-error.js'
import { adminAgentTasks, clerkClientFor, findUser } from '../clerk-admin.js'
import { browserUseConfig, clerkConfig } from '../config.js'
import { io } from '../io.js'
import { landingUrl } from '../landing.js'

export interface RunOptions {
  user: string
  task: string
  start?: string
  maxSteps?: number
  timeout?: number
  llm?: string
  json?: boolean
  live?: boolean
}

/**
 * `agent-tasks run`: a Browser Use agent signed in as the user, one line per step on stderr, the
 * result on stdout, and the agent's access ended afterwards. Ctrl-C stops the task and ends it too.
 */
export async function run(options: RunOptions): Promise<number> {
  const clerk = clerkClientFor(await clerkConfig(options.live === true))
  const bu = browserUseConfig()
  const landing = landingUrl(options.start)
  const subject = await findUser(clerk, options.user)
  const agentTasks = adminAgentTasks(clerk, [landing.origin])
  const call = { auth: { userId: subject.id }, context: undefined }
  const controller = new AbortController()
  const interrupt = () => {
    io.info('Stopping the agent and ending its access…')
    controller.abort()
  }
  process.once('SIGINT', interrupt)
  io.info(`Sending an agent into ${landing.origin} as ${subject.label}…`)
  try {
    const result = await runBrowserAgent({
      agentTasks: { create: (input) => agentTasks.create(input, { ...call, origin: landing.origin }), revoke: (id) => agentTasks.revoke(id, call) },
      browserUse: new BrowserUse({ apiKey: bu.apiKey, ...(bu.baseUrl ? { baseUrl: bu.baseUrl } : {}) }),
      task: options.task,
      redirectUrl: landing.url,
      ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
      ...(options.llm === undefined ? {} : { llm: options.llm }),
      ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout * 1000 }),
      signal: controller.signal,
      onStep: (step) => io.info(`step ${step.number}  ${step.goal}  ${step.url}`),
    })
    if (options.json) io.json(result)
    else {
      io.out(result.output ?? '(no output)')
      const cleanup = typeof result.cleanup === 'string' ? result.cleanup.replace('-', ' ') : result.cleanup.failed
      io.info(`Task ${result.status}${result.isSuccess === false ? ' (unsuccessful)' : ''}, ${result.steps.length} step(s), cost ${result.cost ?? 'n/a'}. Agent access: ${cleanup}.`)
    }
    return result.status === 'finished' && result.isSuccess !== false ? EXIT.ok : EXIT.agentFailed
  } catch (error) {
    if (error instanceof BrowserAgentError) throw new CliError(error.message, error.code === 'aborted' ? EXIT.interrupted : EXIT.failed)
    throw error
  } finally {
    process.removeListener('SIGINT', interrupt)
  }
}
