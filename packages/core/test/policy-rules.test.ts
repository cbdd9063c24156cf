import { describe, expect, it } from 'vitest'
import { type AgentPolicyOptions, resolvePolicy } from '../src/policy/rules.js'

/** Resolves options a caller wrote in plain JavaScript (so wrong types reach the checks). */
const resolveUntyped = (options: unknown, agentTasksPath?: string) =>
  resolvePolicy(options as AgentPolicyOptions, agentTasksPath === undefined ? {} : { agentTasksPath })

const errorOf = (options: unknown, agentTasksPath?: string): string => {
  try {
    resolveUntyped(options, agentTasksPath)
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError)
    return (error as TypeError).message
  }
  throw new Error('resolvePolicy accepted the options')
}

describe('resolvePolicy: a bad option is named', () => {
  it.each([
    [{ scopes: [] }, 'policy.scopes must be an object'],
    [{ scopes: { 'bad name': { rules: [{ paths: ['/x'] }] } } }, 'policy.scopes["bad name"] is not a valid scope name'],
    [{ scopes: { '': { rules: [{ paths: ['/x'] }] } } }, 'policy.scopes[""] is not a valid scope name'],
    [{ scopes: { reports: 'GET /reports/**' } }, 'policy.scopes["reports"] must be an object'],
    [{ scopes: { reports: { rules: [] } } }, 'policy.scopes["reports"].rules must list at least one rule'],
    [{ scopes: { reports: { description: 1, rules: [{ paths: ['/x'] }] } } }, 'policy.scopes["reports"].description must be a string'],
    [{ scopes: { reports: { rules: [{ paths: [] }] } } }, 'policy.scopes["reports"].rules[0].paths must list at least one path pattern'],
    [{ scopes: { reports: { rules: [{ paths: ['/ok', 'reports/**'] }] } } }, 'policy.scopes["reports"].rules[0].paths[1] "reports/**" must start with "/"'],
    [{ scopes: { reports: { rules: [{ paths: ['/r/*.csv'] }] } } }, 'policy.scopes["reports"].rules[0].paths[0] "/r/*.csv" `*` and `**` must be whole segments'],
    [{ scopes: { reports: { rules: [{ paths: [3] }] } } }, 'policy.scopes["reports"].rules[0].paths[0] 3 must be a string'],
    [{ scopes: { reports: { rules: [{ methods: ['GET', 'FETCH'], paths: ['/r'] }] } } }, 'policy.scopes["reports"].rules[0].methods[1] "FETCH" is not one of GET'],
    [{ scopes: { reports: { rules: [{ methods: [], paths: ['/r'] }] } } }, 'policy.scopes["reports"].rules[0].methods must be "*", "safe" or a list'],
    [{ scopes: { reports: { rules: [{ methods: 'GET', paths: ['/r'] }] } } }, 'policy.scopes["reports"].rules[0].methods must be "*", "safe" or a list'],
    [{ scopes: { reports: { rules: [{ effect: 'permit', paths: ['/r'] }] } } }, 'policy.scopes["reports"].rules[0].effect must be "allow", "deny" or "ask"'],
    [{ defaultPolicy: {} }, 'policy.defaultPolicy must be an array of rules'],
    [{ defaultPolicy: [null] }, 'policy.defaultPolicy[0] must be an object'],
    [{ defaultPolicy: [{ effect: 'deny', paths: ['/a'] }, { effect: 'allow', paths: ['/b'] }] }, 'policy.defaultPolicy[1].effect "allow" has no effect'],
    [{ defaultPolicy: [{ paths: ['/b'] }] }, 'policy.defaultPolicy[0].effect must be "deny" or "ask"'],
    [{ defaultPolicy: [{ effect: 'deny', paths: ['/a/../b'] }] }, 'policy.defaultPolicy[0].paths[0] "/a/../b" may not contain'],
    [{ approvalTtlSeconds: 0 }, 'policy.approvalTtlSeconds must be a positive whole number'],
    [{ approvalTtlSeconds: 1.5 }, 'policy.approvalTtlSeconds must be a positive whole number'],
    [{ approvalRequestTtlSeconds: '60' }, 'policy.approvalRequestTtlSeconds must be a positive whole number'],
    [{ maxPendingApprovalsPerUser: -1 }, 'policy.maxPendingApprovalsPerUser must be a positive whole number'],
    [{ unplacedAgentSessions: 'allow' }, 'policy.unplacedAgentSessions must be "default-policy" or "deny"'],
    [null, 'policy must be an object'],
  ])('%j', (options, message) => {
    expect(errorOf(options)).toContain(message)
  })

  it('names agentTasksPath when the mount is not a path', () => {
    expect(errorOf({}, 'api/agent-tasks')).toContain('policy.agentTasksPath must be a path')
    expect(errorOf({}, '/')).toContain('policy.agentTasksPath must be a path')
  })
})

describe('resolvePolicy: defaults', () => {
  it('denies the agent-tasks routes, asks for billing and account, and knows read-only', () => {
    const policy = resolvePolicy({}, { agentTasksPath: '/api/agent-tasks/' })
    expect(policy.defaultRules.map((rule) => [rule.ref.source, rule.ref.effect, rule.ref.paths])).toEqual([
      ['built-in', 'deny', ['/api/agent-tasks/**']],
      ['built-in', 'ask', ['/billing/**', '/account/**', '/api/billing/**', '/api/account/**']],
    ])
    expect([...policy.scopes.keys()]).toEqual(['read-only'])
    expect(policy.approvalTtlSeconds).toBe(300)
    expect(policy.approvalRequestTtlSeconds).toBe(900)
    expect(policy.maxPendingApprovalsPerUser).toBe(20)
    expect(policy.unplacedAgentSessions).toBe('default-policy')
  })

  it("replaces the built-in asks with the app's default policy, and keeps the agent-tasks deny", () => {
    const policy = resolvePolicy({ defaultPolicy: [{ effect: 'deny', paths: ['/admin/**'] }] }, { agentTasksPath: '/agent-tasks' })
    expect(policy.defaultRules.map((rule) => [rule.ref.source, rule.ref.index, rule.ref.paths])).toEqual([
      ['built-in', 0, ['/agent-tasks/**']],
      ['default-policy', 0, ['/admin/**']],
    ])
    expect(resolvePolicy({ defaultPolicy: [] }).defaultRules).toEqual([])
  })

  it("lets the app redefine read-only, upper-cases methods, and defaults a scope rule's effect to allow", () => {
    const policy = resolveUntyped({
      scopes: {
        'read-only': { rules: [{ methods: ['get'], paths: ['/reports/**'] }] },
        reports: { description: 'Reports', rules: [{ methods: 'safe', paths: ['/reports/**'] }, { effect: 'ask', methods: ['POST'], paths: ['/reports/*/share'] }] },
      },
    })
    expect(policy.scopes.get('read-only')?.rules[0]?.ref).toMatchObject({ effect: 'allow', methods: ['GET'], paths: ['/reports/**'] })
    expect(policy.scopes.get('reports')?.rules.map((rule) => [rule.ref.effect, rule.ref.methods])).toEqual([
      ['allow', ['GET', 'HEAD', 'OPTIONS']],
      ['ask', ['POST']],
    ])
    expect(policy.scopes.get('reports')?.description).toBe('Reports')
  })

  it('does not mistake inherited object keys for scopes', () => {
    const policy = resolvePolicy({ scopes: Object.create({ inherited: { rules: [{ paths: ['/**'] }] } }) })
    expect(policy.scopes.has('inherited')).toBe(false)
    expect(policy.scopes.has('constructor')).toBe(false)
  })
})
