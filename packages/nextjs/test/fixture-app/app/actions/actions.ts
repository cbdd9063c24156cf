'use server'

import { isAgentTaskError } from '@agent-tasks/nextjs'
import { redirect } from 'next/navigation.js'
import { agentTasks } from '../../lib/agent-tasks.js'

// Server Actions as an app writes them. Each reports its outcome through the redirect target, which
// a form submitted without JavaScript receives as a 303.
export async function mintAction(formData: FormData): Promise<void> {
  let outcome: string
  try {
    const task = await agentTasks.create({ taskDescription: String(formData.get('taskDescription')), redirectUrl: '/dashboard' })
    outcome = `created=${encodeURIComponent(task.agentTaskId)}&redirect=${encodeURIComponent(task.redirectUrl)}`
  } catch (error) {
    if (!isAgentTaskError(error)) throw error
    outcome = `error=${error.code}`
  }
  redirect(`/actions?${outcome}`)
}

export async function revokeAction(formData: FormData): Promise<void> {
  let outcome: string
  try {
    const record = await agentTasks.revoke(String(formData.get('agentTaskId')))
    outcome = `revoked=${encodeURIComponent(record.agentTaskId)}`
  } catch (error) {
    if (!isAgentTaskError(error)) throw error
    outcome = `error=${error.code}`
  }
  redirect(`/actions?${outcome}`)
}
