/** The agent runs one process keeps, so the dashboard can follow and stop them. */
export interface AgentRunRegistry<Run extends { id: string; status: string }> {
  get(id: string): Run | undefined
  /** Keeps `run`, forgetting the oldest ended run when full; `false` when every kept run is still running. */
  add(run: Run): boolean
}

/**
 * At most `max` runs in memory, newest kept: an ended run (finished, failed, stopped, refused) is
 * forgotten oldest first to make room. A running one never is (its owner must still be able to stop
 * it), so when all `max` are running a new run is refused.
 */
export function createAgentRunRegistry<Run extends { id: string; status: string }>(max: number): AgentRunRegistry<Run> {
  const runs = new Map<string, Run>()
  return {
    get: (id) => runs.get(id),
    add(run) {
      if (runs.size >= max) {
        const oldestEnded = [...runs.values()].find((kept) => kept.status !== 'running')
        if (!oldestEnded) return false
        runs.delete(oldestEnded.id)
      }
      runs.set(run.id, run)
      return true
    },
  }
}
