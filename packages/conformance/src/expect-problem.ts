import { expect } from 'vitest'
import type { CallResult } from './client.js'

/** Asserts an RFC 9457 problem response with the given status and code, naming `fields` if given. */
export function expectProblem(result: CallResult, status: number, code: string, fields?: string[]): void {
  expect(result.status, result.text).toBe(status)
  expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(result.body).toMatchObject({ status, code, type: `urn:agent-tasks:error:${code}` })
  expect(typeof result.body.title).toBe('string')
  expect(typeof result.body.detail).toBe('string')
  if (fields) {
    const named = (result.body.errors ?? []).map((e: { field: string }) => e.field)
    for (const field of fields) expect(named, `field ${field} in ${result.text}`).toContain(field)
  }
}
