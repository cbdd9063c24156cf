import type { BrowserUseFault } from './types.js'

type Counted = BrowserUseFault & { remaining: number }

/** Fault rules, used up as they apply. */
export class Faults {
  private rules: Counted[] = []

  add(rule: BrowserUseFault): void {
    this.rules.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY })
  }

  clear(): void {
    this.rules = []
  }

  private take(match: (rule: Counted) => boolean): Counted | undefined {
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && match(candidate))
    if (rule) rule.remaining--
    return rule
  }

  /** What the next task created does: fail, hang, or (undefined) its work. */
  nextOutcome(): 'task-fails' | 'task-hangs' | undefined {
    const rule = this.take((candidate) => candidate.kind === 'task-fails' || candidate.kind === 'task-hangs')
    return rule?.kind === 'task-fails' || rule?.kind === 'task-hangs' ? rule.kind : undefined
  }

  /** The HTTP fault for this request, if any. */
  forRequest(method: string, path: string): Extract<BrowserUseFault, { kind: 'http' }> | undefined {
    const rule = this.take(
      (candidate) =>
        candidate.kind === 'http' &&
        (candidate.method === undefined || candidate.method === method) &&
        (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path)),
    )
    return rule?.kind === 'http' ? rule : undefined
  }
}
