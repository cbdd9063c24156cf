import { programmaticAnswer } from '@agent-tasks/conformance/fixture'
import { agentTasks } from '#agent-tasks'

export default defineEventHandler(async (event) => {
  const input = await readBody(event).catch(() => ({}))
  const { status, body } = await programmaticAnswer(201, async () => ({ agentTask: await agentTasks.create(event, input ?? {}) }))
  setResponseStatus(event, status)
  return body
})
