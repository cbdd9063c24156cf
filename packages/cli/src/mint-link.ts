import type { CreatedAgentTask } from '@agent-tasks/core'
import { type Admin, actingAs, type Subject } from './clerk-admin.js'

export interface MintInput {
  /** A path of `origin`, or an absolute URL core's redirect rules allow. */
  redirectUrl: string
  /** The app's origin: resolves a path, and is where the link may land. */
  origin: string
  sessionMaxDurationInSeconds?: number | undefined
  taskDescription?: string | undefined
  agentName?: string | undefined
}

/** Mints a link that signs `subject` in, through core: the HTTP contract's validation and redirect rules. */
export function mintLink(admin: Admin, subject: Subject, input: MintInput): Promise<CreatedAgentTask> {
  return admin.agentTasks.create(
    {
      redirectUrl: input.redirectUrl,
      ...(input.sessionMaxDurationInSeconds === undefined ? {} : { sessionMaxDurationInSeconds: input.sessionMaxDurationInSeconds }),
      ...(input.agentName === undefined ? {} : { agentName: input.agentName }),
      ...(input.taskDescription === undefined ? {} : { taskDescription: input.taskDescription }),
    },
    { ...actingAs(subject.id), origin: input.origin },
  )
}
