import type { RequestLogEntry } from '../types.js'

/** Every request the emulator saw: method, pathname (never the query string), status, arrival time. */
export class RequestLog {
  private entries: RequestLogEntry[] = []

  record(entry: RequestLogEntry): void {
    this.entries.push(Object.freeze({ ...entry }))
  }

  list(): ReadonlyArray<RequestLogEntry> {
    return [...this.entries]
  }

  clear(): void {
    this.entries = []
  }
}
