import { describe, expect, it } from 'vitest'
import { pathBelowCatchAll } from '../src/adapter/index.js'

describe('pathBelowCatchAll', () => {
  it('takes as many raw trailing segments as the catch-all matched, from a string or an array', () => {
    expect(pathBelowCatchAll('/api/agent-tasks/agt_1/revoke', 'agt_1/revoke')).toBe('/agt_1/revoke')
    expect(pathBelowCatchAll('/api/agent-tasks/agt_1/revoke', ['agt_1', 'revoke'])).toBe('/agt_1/revoke')
  })

  it('keeps encoded characters as the client sent them (the framework’s value is decoded)', () => {
    expect(pathBelowCatchAll('/api/agent-tasks/not%20an%20id/revoke', 'not an id/revoke')).toBe('/not%20an%20id/revoke')
  })

  it('answers / at the mount point itself', () => {
    for (const rest of [undefined, '', [], '/']) expect(pathBelowCatchAll('/api/agent-tasks', rest)).toBe('/')
  })
})
