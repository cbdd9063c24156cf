import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { agentTasks } from '../../../lib/agent-tasks.js'

export async function POST(): Promise<Response> {
  const { status, body } = await programmaticAnswer(200, () => agentTasks.revokeAll())
  return Response.json(body, { status })
}
