import type { Browser } from 'playwright-core'
import { type AgentRun, startAgent } from './agent.js'
import { newId } from './id.js'
import type { BrowserUseFault, EmulatedTask, TaskStatus } from './types.js'

export interface CreateTaskInput {
  task: string
  llm: string
  startUrl: string | undefined
  allowedDomains: string[] | undefined
  maxSteps: number
  metadata: Record<string, string>
}

const ACTIVE: readonly TaskStatus[] = ['created', 'started']

/** The emulator's tasks and their agents: creation, the lifecycle, stopping. */
export class TaskRunner {
  readonly tasks = new Map<string, EmulatedTask>()
  private readonly runs = new Map<string, AgentRun>()

  constructor(
    private readonly browser: () => Promise<Browser>,
    private readonly nextOutcome: () => BrowserUseFault['kind'] | undefined,
    private readonly onStatus: (task: EmulatedTask) => void,
  ) {}

  activeCount(): number {
    return [...this.tasks.values()].filter((task) => ACTIVE.includes(task.status)).length
  }

  create(input: CreateTaskInput): EmulatedTask {
    const task: EmulatedTask = {
      id: newId(),
      sessionId: newId(),
      ...input,
      status: 'created',
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      steps: [],
      output: null,
      isSuccess: null,
      blockedUrls: [],
    }
    this.tasks.set(task.id, task)
    void this.run(task, this.nextOutcome())
    return task
  }

  private setStatus(task: EmulatedTask, status: TaskStatus): void {
    if (!ACTIVE.includes(task.status)) return // finished, failed and stopped are final
    task.status = status
    if (status === 'started') task.startedAt = new Date().toISOString()
    else task.finishedAt = new Date().toISOString()
    this.onStatus(task)
  }

  private async run(task: EmulatedTask, outcome: BrowserUseFault['kind'] | undefined): Promise<void> {
    this.onStatus(task)
    try {
      const run = await startAgent(await this.browser(), task, (step) => task.steps.push(step))
      this.runs.set(task.id, run)
      if (task.status === 'stopped') return await run.stop()
      this.setStatus(task, 'started')
      const report = await run.done
      if (task.status !== 'started' || outcome === 'task-hangs') return
      task.output = outcome === 'task-fails' ? null : report.output
      task.isSuccess = outcome === 'task-fails' ? false : report.ok
      this.setStatus(task, outcome === 'task-fails' ? 'failed' : 'finished')
      await run.stop()
    } catch (error) {
      task.output = `The agent could not start: ${(error as Error).message.split('\n')[0]}`
      task.isSuccess = false
      this.setStatus(task, 'failed')
    }
  }

  async stop(task: EmulatedTask): Promise<void> {
    this.setStatus(task, 'stopped')
    await this.runs.get(task.id)?.stop()
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.tasks.values()].map((task) => this.stop(task)))
  }
}
