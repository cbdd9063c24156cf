import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { agentTasks } from '../../../lib/agent-tasks.js'

export async function GET(): Promise<Response> {
  const { status, body } = await programmaticAnswer(200, async () => ({ records: (await agentTasks.list()).data }))
  return Response.json(body, { status })
}
