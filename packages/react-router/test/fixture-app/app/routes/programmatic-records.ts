import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { LoaderFunctionArgs } from 'react-router'
import { agentTasks } from '../agent-tasks.server.js'

export async function loader(args: LoaderFunctionArgs): Promise<Response> {
  const { status, body } = await programmaticAnswer(200, async () => ({ records: (await agentTasks.list(args)).data }))
  return Response.json(body, { status })
}
