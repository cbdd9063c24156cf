import { describe, expectTypeOf, it } from 'vitest'
import type { AgentTaskErrorCode, AgentTasks, CreateAgentTaskInput, DeniedEvent, FailedEvent } from '../src/index.js'

// Checked by `tsc` (the package's typecheck), which covers the test files.
describe('public types', () => {
  it('types the input of create() instead of collapsing it to unknown', () => {
    expectTypeOf<Parameters<AgentTasks['create']>[0]>().toEqualTypeOf<CreateAgentTaskInput | undefined>()
    // @ts-expect-error an unknown field is a type error for callers
    const bad: Parameters<AgentTasks['create']>[0] = { bogus: true }
    void bad
  })

  it('gives hook events the error-code union', () => {
    expectTypeOf<DeniedEvent<unknown>['code']>().toEqualTypeOf<AgentTaskErrorCode>()
    expectTypeOf<FailedEvent<unknown>['code']>().toEqualTypeOf<AgentTaskErrorCode>()
  })
})
