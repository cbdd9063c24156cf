import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { APIRoute } from 'astro'
import { agentTasks } from '../../../agent-tasks'

export const prerender = false
export const POST: APIRoute = async (context) => {
  const { status, body } = await programmaticAnswer(200, async () => ({ agentTask: await agentTasks.revoke(context, context.params.agentTaskId ?? '') }))
  return Response.json(body, { status })
}
