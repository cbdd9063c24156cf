import autocannon from 'autocannon'
import { percentile } from './stats.ts'

export interface LoadSpec {
  url: string
  /** POST sends `{}` as JSON; GET sends nothing. */
  method: 'POST' | 'GET'
  /** Session token for `Authorization: Bearer`; none for a signed-out caller. */
  token: string | undefined
  seconds: number
  connections: number
  /** The status a response must have to count. */
  expected: (status: number) => boolean
}

export interface RoundResult {
  /** Expected responses per second. */
  requestsPerSecond: number
  /** Milliseconds, over every response. */
  p50: number
  p99: number
  /** Every response's latency in ms, sorted ascending (pooled across rounds for the summary). */
  latencies: Float64Array
  /** Responses with another status, by status. */
  unexpected: Record<string, number>
  /** Connection errors and timeouts. */
  errors: number
}

/**
 * One autocannon run: POST `{}` as JSON (or a GET) for `seconds` over `connections` keep-alive connections.
 * Latencies come from each response (autocannon's own histogram rounds to whole milliseconds,
 * too coarse for a 5 % goal on routes that answer in a few).
 */
export async function loadRound(spec: LoadSpec): Promise<RoundResult> {
  const latencies: number[] = []
  const instance = autocannon({
    url: spec.url,
    method: spec.method,
    headers: {
      ...(spec.method === 'POST' ? { 'content-type': 'application/json' } : { accept: 'application/json' }),
      ...(spec.token ? { authorization: `Bearer ${spec.token}` } : {}),
    },
    ...(spec.method === 'POST' ? { body: '{}' } : {}),
    connections: spec.connections,
    duration: spec.seconds,
  })
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime)
  })
  const result = await instance
  let expected = 0
  const unexpected: Record<string, number> = {}
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    if (spec.expected(Number(status))) expected += count
    else unexpected[status] = count
  }
  const sorted = Float64Array.from(latencies).sort()
  return {
    requestsPerSecond: expected / result.duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    latencies: sorted,
    unexpected,
    errors: result.errors,
  }
}
