import { constants } from 'node:os'

const signals = ['SIGINT', 'SIGTERM'] as const

/**
 * While a sign-in is in progress, SIGINT/SIGTERM first stop it and end what it minted. In a Playwright
 * worker (which ignores both signals and stops when the runner tells it to) that only starts the cleanup
 * early; in a plain script, where the signal would have ended the process, the process exits once the cleanup
 * is done (or gave up) with the shell's code for that signal (130, 143) — through `process.exit`, so exit
 * handlers (Playwright's, which kill the browsers it launched) still run. A second signal during the
 * cleanup takes the process's usual course.
 */
export class SignalNet {
  private armed = false

  constructor(private readonly onSignal: () => Promise<void>) {}

  arm(): void {
    if (this.armed) return
    this.armed = true
    for (const signal of signals) process.on(signal, this.handle)
  }

  disarm(): void {
    if (!this.armed) return
    this.armed = false
    for (const signal of signals) process.off(signal, this.handle)
  }

  private readonly handle = (signal: NodeJS.Signals): void => {
    this.disarm()
    void this.onSignal()
      .catch(() => undefined)
      .then(() => {
        // Nobody else listens: without this net the signal would have ended the process. End it now.
        const others = process.listeners(signal).filter((listener) => listener !== this.handle)
        if (others.length === 0) process.exit(128 + constants.signals[signal])
      })
  }
}
