import type { EmulatedTask } from './types.js'

const COST_PER_STEP = 0.01

const cost = (task: EmulatedTask) => (task.steps.length * COST_PER_STEP + 0.01).toFixed(2)

/** `TaskView` of API v2. */
export function taskView(task: EmulatedTask): Record<string, unknown> {
  return {
    id: task.id,
    sessionId: task.sessionId,
    llm: task.llm,
    task: task.task,
    status: task.status,
    createdAt: task.createdAt,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
    metadata: task.metadata,
    steps: task.steps,
    output: task.output,
    outputFiles: [],
    browserUseVersion: 'emulator',
    isSuccess: task.isSuccess,
    cost: cost(task),
  }
}

/** `TaskStatusView`: the cheap poll. */
export function taskStatusView(task: EmulatedTask): Record<string, unknown> {
  return { id: task.id, status: task.status, output: task.output, finishedAt: task.finishedAt, isSuccess: task.isSuccess, cost: cost(task) }
}

/** `SessionView`; its live-view URL stands in for Browser Use's, a credential like theirs. */
export function sessionView(task: EmulatedTask, baseUrl: string): Record<string, unknown> {
  const active = task.status === 'created' || task.status === 'started'
  return {
    id: task.sessionId,
    status: active ? 'active' : 'stopped',
    liveUrl: active ? `${baseUrl}/live/${task.sessionId}?token=${task.id}` : null,
    recordingUrl: null,
    startedAt: task.createdAt,
    finishedAt: task.finishedAt,
    tasks: [{ id: task.id, sessionId: task.sessionId, llm: task.llm, task: task.task, status: task.status, createdAt: task.createdAt }],
    publicShareUrl: null,
    persistMemory: false,
    keepAlive: false,
    proxyUsedMb: '0',
    proxyCost: '0',
  }
}
