import { AgentTaskError } from '../errors.js'
import type { AgentTaskRecord } from '../store/types.js'

export function alreadyRevoked(record: AgentTaskRecord): AgentTaskError {
  return new AgentTaskError(
    'agent_task_already_revoked',
    record.status === 'expired' ? 'This link expired unused and was revoked.' : 'This link was already revoked.',
  )
}
