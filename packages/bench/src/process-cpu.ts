import { readFileSync } from 'node:fs'

const CLOCK_TICKS_PER_SECOND = 100

/**
 * CPU time (user + system, µs) a process has used so far, from `/proc` (Linux); `undefined` elsewhere.
 * Per request, it shows the cost of a route far more steadily than req/s on a machine whose speed drifts.
 */
export function processCpuMicros(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND : undefined
  } catch {
    return undefined
  }
}
