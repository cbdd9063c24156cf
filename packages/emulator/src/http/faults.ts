import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { traceId } from '../crypto/ids.js'
import type { FaultRule } from '../types.js'
import { errorForStatus } from './errors.js'
import { sendJson } from './io.js'

interface ActiveRule {
  rule: FaultRule
  remaining: number
}

/** Fault-injection rules, applied before auth and routing. */
export class Faults {
  private rules: ActiveRule[] = []

  add(rule: FaultRule): void {
    if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
      throw new Error('FaultRule.times must be a positive integer.')
    }
    this.rules.push({ rule: { ...rule }, remaining: rule.times ?? Number.POSITIVE_INFINITY })
  }

  clear(): void {
    this.rules = []
  }

  private take(method: string, path: string): FaultRule | undefined {
    const index = this.rules.findIndex(({ rule }) => {
      if (rule.method && rule.method.toUpperCase() !== method) return false
      return typeof rule.path === 'string' ? rule.path === path : new RegExp(rule.path.source, rule.path.flags.replace('g', '')).test(path)
    })
    const active = this.rules[index]
    if (!active) return undefined
    active.remaining -= 1
    if (active.remaining <= 0) this.rules.splice(index, 1)
    return active.rule
  }

  /** Applies a matching rule. Returns true when the fault answered (or dropped) the request. */
  async apply(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const rule = this.take(req.method ?? 'GET', path)
    if (!rule) return false
    if (rule.latencyMs) await sleep(rule.latencyMs)
    if (rule.dropConnection) {
      req.socket.destroy()
      return true
    }
    const headers: Record<string, string> = {}
    if (rule.retryAfterSeconds !== undefined) headers['Retry-After'] = String(rule.retryAfterSeconds)
    if (rule.malformed) {
      const text = '{"object":"agent_task","errors":[{"message":'
      res.writeHead(rule.status ?? 200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
      res.end(text)
      return true
    }
    if (rule.status !== undefined) {
      const body = rule.body !== undefined ? rule.body : { errors: [errorForStatus(rule.status)], clerk_trace_id: traceId() }
      sendJson(res, rule.status, body, headers)
      return true
    }
    return false
  }
}
