import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { APIRoute } from 'astro'
import { agentTasks } from '../../agent-tasks'

export const prerender = false
export const GET: APIRoute = async (context) => {
  const { status, body } = await programmaticAnswer(200, async () => ({ records: (await agentTasks.list(context)).data }))
  return Response.json(body, { status })
}
