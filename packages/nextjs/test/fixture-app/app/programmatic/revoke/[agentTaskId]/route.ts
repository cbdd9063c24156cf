import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { agentTasks } from '../../../../lib/agent-tasks.js'

export async function POST(_request: Request, { params }: { params: Promise<{ agentTaskId: string }> }): Promise<Response> {
  const { agentTaskId } = await params
  const { status, body } = await programmaticAnswer(200, async () => ({ agentTask: await agentTasks.revoke(agentTaskId) }))
  return Response.json(body, { status })
}
