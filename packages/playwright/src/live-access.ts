import { runAllCleanups } from './access.js'
import { AgentTaskSignInError } from './errors.js'
import { SignalNet } from './signal-net.js'

/** Access this process holds until it is ended: an agent-task link, the session it created, a test user. */
export interface HeldAccess {
  /** Ends it and forgets it. Concurrent calls share one attempt; after a failure it stays held, to retry. */
  end(): Promise<void>
}

/** A sign-in (or test-user creation) in progress, as the code doing it sees it. */
export interface Attempt {
  /** True once the process is being interrupted: end what was minted and stop. */
  readonly interrupted: boolean
  /** Throws `interrupted` when interrupted. */
  throwIfInterrupted(): void
  /**
   * Creates something that grants access (`create`, a call to Clerk) and holds it from the moment it
   * exists, with `end` as what ends it. An interrupt waits for a creation in flight, since only its
   * answer says what to end.
   */
  mint<T>(create: () => Promise<T>, end: (created: T) => Promise<void>): Promise<{ created: T; held: HeldAccess }>
  /** Registers what stops this attempt's browser work at once (closing its context); runs now if already interrupted. */
  onInterrupt(stop: () => Promise<unknown> | undefined): void
}

interface HeldEntry extends HeldAccess {
  /** The attempt that minted it, until that attempt is over (then it is the caller's, or a fixture's). */
  owner: AttemptState | undefined
}

class AttemptState implements Attempt {
  interrupted = false
  private readonly stops: Array<() => Promise<unknown> | undefined> = []

  constructor(private readonly registry: LiveAccessRegistry) {}

  throwIfInterrupted(): void {
    if (this.interrupted) throw interruptedError()
  }

  mint<T>(create: () => Promise<T>, end: (created: T) => Promise<void>): Promise<{ created: T; held: HeldAccess }> {
    return this.registry.mintFor(this, create, end)
  }

  onInterrupt(stop: () => Promise<unknown> | undefined): void {
    if (this.interrupted) void settle(stop)
    else this.stops.push(stop)
  }

  interrupt(): void {
    if (this.interrupted) return
    this.interrupted = true
    for (const stop of this.stops.splice(0)) void settle(stop)
  }
}

/** How long an interrupt waits for calls to Clerk in flight (what they create must be known to be ended). */
export const interruptWaitMs = 10_000

/**
 * Everything this process minted and has not ended yet, and the sign-ins in progress. An interrupted
 * Playwright worker abandons a fixture that is still being set up (its teardown does nothing) and exits
 * once teardown is done: what such a fixture minted is only reachable from here. The worker's teardown
 * ({@link endAll}) and SIGINT/SIGTERM during a sign-in ({@link SignalNet}) end it.
 */
export class LiveAccessRegistry {
  private readonly held = new Set<HeldEntry>()
  private readonly attempts = new Set<AttemptState>()
  private readonly creations = new Set<Promise<unknown>>()
  private closed = false
  private readonly signals = new SignalNet(() => this.interruptAttempts())

  /** Runs `run` (which mints) as an attempt an interrupt can stop; refused once the worker is tearing down. */
  async attempt<T>(run: (attempt: Attempt) => Promise<T>): Promise<T> {
    if (this.closed) throw interruptedError()
    const state = new AttemptState(this)
    this.attempts.add(state)
    if (this.attempts.size === 1) this.signals.arm()
    try {
      return await run(state)
    } finally {
      this.attempts.delete(state)
      if (this.attempts.size === 0) this.signals.disarm()
      for (const entry of this.held) if (entry.owner === state) entry.owner = undefined
    }
  }

  /** {@link Attempt.mint}: holds what `create` returns in the same tick it arrives. */
  async mintFor<T>(
    owner: AttemptState,
    create: () => Promise<T>,
    end: (created: T) => Promise<void>,
  ): Promise<{ created: T; held: HeldAccess }> {
    owner.throwIfInterrupted()
    const creating = create()
    const settled = creating.then(
      () => undefined,
      () => undefined,
    )
    this.creations.add(settled)
    try {
      const created = await creating
      const held = this.hold(() => end(created), owner)
      return { created, held }
    } finally {
      this.creations.delete(settled)
    }
  }

  /** Records access that is live until its `end()` succeeds. */
  hold(end: () => Promise<void>, owner?: AttemptState): HeldAccess {
    let ending: Promise<void> | undefined
    const entry: HeldEntry = {
      owner,
      end: () => {
        ending ??= end().then(
          () => {
            this.held.delete(entry)
          },
          (error: unknown) => {
            ending = undefined
            throw error
          },
        )
        return ending
      },
    }
    this.held.add(entry)
    return entry
  }

  /** How much is still live or in progress (for tests and diagnostics). */
  get size(): { held: number; attempts: number } {
    return { held: this.held.size, attempts: this.attempts.size }
  }

  /**
   * Stops every attempt in progress (closing the browser contexts they opened), waits for their calls to
   * Clerk in flight (at most `waitMs`), then ends what they minted — not what finished sign-ins handed over.
   */
  async interruptAttempts(waitMs = interruptWaitMs): Promise<void> {
    if (this.attempts.size === 0) return
    for (const state of this.attempts) state.interrupt()
    await withDeadline(Promise.all(this.creations), waitMs)
    const minted = [...this.held].filter((entry) => entry.owner?.interrupted)
    await withDeadline(Promise.allSettled(minted.map((entry) => entry.end())), waitMs)
  }

  /**
   * The end of a worker, interrupted or not: refuse new sign-ins, stop those in progress, then end
   * everything still held, newest first (a session before the test user it belongs to).
   */
  async endAll(waitMs = interruptWaitMs): Promise<void> {
    this.closed = true
    await this.interruptAttempts(waitMs)
    await runAllCleanups([...this.held].reverse().map((entry) => () => entry.end()))
  }

  /** A worker starting (again) in this process accepts sign-ins. */
  open(): void {
    this.closed = false
  }
}

function interruptedError(): AgentTaskSignInError {
  return new AgentTaskSignInError(
    'interrupted',
    'The run was interrupted (Ctrl-C, SIGTERM or the worker stopping): the sign-in was stopped and what it minted was ended.',
  )
}

async function settle(stop: () => Promise<unknown> | undefined): Promise<void> {
  try {
    await stop()
  } catch {
    // closing a context that is already closing or gone
  }
}

async function withDeadline(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
    timer.unref()
  })
  try {
    await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}

const registryKey = Symbol.for('@agent-tasks/playwright/live-access')

/**
 * The process's registry, on `globalThis` so the ESM and CJS builds (or two copies of the package) loaded
 * in one worker share it.
 */
export function processLiveAccess(): LiveAccessRegistry {
  const slot = globalThis as { [registryKey]?: LiveAccessRegistry }
  slot[registryKey] ??= new LiveAccessRegistry()
  return slot[registryKey]
}
