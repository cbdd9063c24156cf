import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { ActionFunctionArgs } from 'react-router'
import { agentTasks } from '../agent-tasks.server.js'

export async function action(args: ActionFunctionArgs): Promise<Response> {
  const input = await args.request.json().catch(() => ({}))
  const { status, body } = await programmaticAnswer(201, async () => ({ agentTask: await agentTasks.create(args, input) }))
  return Response.json(body, { status })
}
