import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import type { ActionFunctionArgs } from 'react-router'
import { agentTasks } from '../agent-tasks.server.js'

export async function action(args: ActionFunctionArgs): Promise<Response> {
  const { status, body } = await programmaticAnswer(200, () => agentTasks.revokeAll(args))
  return Response.json(body, { status })
}
