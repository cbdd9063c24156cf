import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { agentTasks } from '#agent-tasks'

export default defineEventHandler(async (event) => {
  const { status, body } = await programmaticAnswer(200, () => agentTasks.revokeAll(event))
  setResponseStatus(event, status)
  return body
})
