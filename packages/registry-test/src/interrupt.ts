import { constants } from 'node:os'

const actions = new Set<() => void>()

/**
 * Registers what to undo synchronously if the run is interrupted (a child's process group to kill, a
 * folder to remove); the returned function unregisters it once it is undone the normal way.
 */
export function onInterrupt(action: () => void): () => void {
  actions.add(action)
  return () => actions.delete(action)
}

/** On SIGINT / SIGTERM / SIGHUP: run every registered action, newest first, and exit with 128 + the signal. */
export function handleInterrupts(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`registry-test: ${signal}, stopping what it started\n`)
      for (const action of [...actions].reverse()) {
        try {
          action()
        } catch {}
      }
      process.exit(128 + constants.signals[signal])
    })
  }
}

/** Kills a detached child's whole process group, if it is still there. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {}
}
