import type { ChildProcess } from 'node:child_process'
import { constants } from 'node:os'

/** Signals `run` passes on to its command (a terminal's Ctrl+C, a process manager's stop, a closed terminal). */
export const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** The exit code a shell reports for a process ended by `signal`: 128 + its number. */
export function exitCodeForSignal(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0)
}

/**
 * Catches the forwarded signals from the moment it starts, so none ends `run` before its command does:
 * each one is passed to the attached child (while it runs) and remembered when no child is attached yet.
 */
export class SignalRelay {
  #child: ChildProcess | undefined
  #first: NodeJS.Signals | undefined
  readonly #onSignal = (signal: NodeJS.Signals): void => {
    this.#first ??= signal
    const child = this.#child
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal)
  }

  /** The first signal received, if any. */
  get received(): NodeJS.Signals | undefined {
    return this.#first
  }

  start(): void {
    for (const signal of FORWARDED_SIGNALS) process.on(signal, this.#onSignal)
  }

  attach(child: ChildProcess): void {
    this.#child = child
  }

  stop(): void {
    for (const signal of FORWARDED_SIGNALS) process.off(signal, this.#onSignal)
    this.#child = undefined
  }
}
