import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { APIRoute } from 'astro'
import { agentTasks } from '../../agent-tasks'

export const prerender = false
export const POST: APIRoute = async (context) => {
  const input = await context.request.json().catch(() => ({}))
  const { status, body } = await programmaticAnswer(201, async () => ({ agentTask: await agentTasks.create(context, input) }))
  return Response.json(body, { status })
}
