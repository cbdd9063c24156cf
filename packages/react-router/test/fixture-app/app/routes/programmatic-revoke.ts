import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { ActionFunctionArgs } from 'react-router'
import { agentTasks } from '../agent-tasks.server.js'

export async function action(args: ActionFunctionArgs): Promise<Response> {
  const { status, body } = await programmaticAnswer(200, async () => ({ agentTask: await agentTasks.revoke(args, args.params.agentTaskId ?? '') }))
  return Response.json(body, { status })
}
