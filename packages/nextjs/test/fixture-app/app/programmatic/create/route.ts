import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { agentTasks } from '../../../lib/agent-tasks.js'

export async function POST(request: Request): Promise<Response> {
  const input = await request.json().catch(() => ({}))
  const { status, body } = await programmaticAnswer(201, async () => ({ agentTask: await agentTasks.create(input) }))
  return Response.json(body, { status })
}
