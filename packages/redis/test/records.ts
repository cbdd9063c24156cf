import type { AgentTaskRecord } from '@agent-tasks/core'

let clock = Date.parse('2026-01-01T00:00:00.000Z')
let ids = 0

/** A new record, created one second after the previous one, with a unique ID. */
export function record(ownerUserId: string, overrides: Partial<AgentTaskRecord> = {}): AgentTaskRecord {
  clock += 1000
  return {
    agentTaskId: `agt_${++ids}_${Math.random().toString(36).slice(2)}`,
    agentId: 'agent_1',
    agentName: 'bot',
    ownerUserId,
    subjectUserId: ownerUserId,
    taskDescription: 'd',
    redirectUrl: 'https://app.example/',
    sessionMaxDurationInSeconds: 600,
    status: 'pending',
    createdAt: new Date(clock).toISOString(),
    expiresAt: new Date(clock + 86_400_000).toISOString(),
    ...overrides,
  }
}
