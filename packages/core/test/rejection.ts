import { expect } from 'vitest'
import { AgentTaskError } from '../src/index.js'

/** The `AgentTaskError` a promise rejects with (failing the test if it resolves or rejects otherwise). */
export async function rejection(work: Promise<unknown>): Promise<AgentTaskError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AgentTaskError)
  return error as AgentTaskError
}
