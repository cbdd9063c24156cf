import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { agentTasks } from '../agent-tasks.server.js'

export async function loader(): Promise<Response> {
  const { status, body } = await programmaticAnswer(200, async () => ({ records: await agentTasks.store.list() }))
  return Response.json(body, { status })
}
