import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { agentTasks } from '#agent-tasks'

export default defineEventHandler(async (event) => {
  const agentTaskId = getRouterParam(event, 'agentTaskId') ?? ''
  const { status, body } = await programmaticAnswer(200, async () => ({ agentTask: await agentTasks.revoke(event, agentTaskId) }))
  setResponseStatus(event, status)
  return body
})
