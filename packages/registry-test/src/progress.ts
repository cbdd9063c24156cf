const startedAt = performance.now()

/** Seconds with one decimal, e.g. `12.3 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** One line of progress on stdout, stamped with the time since the run started. */
export function say(line: string): void {
  process.stdout.write(`[registry-test +${seconds(performance.now() - startedAt)}] ${line}\n`)
}

/** Runs `work`, saying when it starts and how it ended and how long it took. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  say(`${label} …`)
  const began = performance.now()
  try {
    const result = await work()
    say(`${label}: ok (${seconds(performance.now() - began)})`)
    return result
  } catch (error) {
    say(`${label}: FAILED after ${seconds(performance.now() - began)}`)
    throw error
  }
}
