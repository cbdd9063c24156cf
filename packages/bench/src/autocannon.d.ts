// The part of autocannon's programmatic API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string
    connections?: number
    /** Seconds. */
    duration?: number
  }

  interface Result {
    /** Seconds the run lasted. */
    duration: number
    errors: number
    timeouts: number
    statusCodeStats: Record<string, { count: number }>
  }

  interface Instance extends PromiseLike<Result> {
    /** Every response: its status and latency in milliseconds (fractional). */
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): this
  }

  export default function autocannon(options: Options): Instance
}
