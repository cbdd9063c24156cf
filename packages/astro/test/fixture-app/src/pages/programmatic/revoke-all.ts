import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { APIRoute } from 'astro'
import { agentTasks } from '../../agent-tasks'

export const prerender = false
export const POST: APIRoute = async (context) => {
  const { status, body } = await programmaticAnswer(200, () => agentTasks.revokeAll(context))
  return Response.json(body, { status })
}
