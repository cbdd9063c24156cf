import { describe, expect, it } from 'vitest'
import { decide } from '../src/policy/decide.js'
import { resolvePolicy } from '../src/policy/rules.js'

const policy = resolvePolicy(
  {
    scopes: {
      reports: { rules: [{ methods: ['GET'], paths: ['/reports/**', '/api/reports/**'] }] },
      editor: {
        rules: [
          { paths: ['/posts/**', '/billing/**'] },
          { effect: 'deny', methods: ['DELETE'], paths: ['/posts/**'] },
          { effect: 'ask', methods: ['POST'], paths: ['/posts/*/publish'] },
        ],
      },
    },
    defaultPolicy: [
      { effect: 'deny', paths: ['/admin/**'] },
      { effect: 'ask', paths: ['/billing/**'] },
      { effect: 'ask', methods: ['GET'], paths: ['/secrets/**'] },
    ],
  },
  { agentTasksPath: '/api/agent-tasks' },
)

const effectOf = (scope: string | undefined, method: string, path: string) => {
  const decision = decide(policy, { scope, method, path })
  return decision.effect === 'deny' ? `deny:${decision.reason}` : decision.effect
}

describe('decide: precedence', () => {
  it.each([
    // no scope: the default policy only, everything else allowed
    [undefined, 'GET', '/dashboard', 'allow'],
    [undefined, 'DELETE', '/posts/1', 'allow'],
    [undefined, 'GET', '/admin', 'deny:rule'],
    [undefined, 'POST', '/billing/card', 'ask'],
    [undefined, 'POST', '/api/agent-tasks', 'deny:rule'],
    [undefined, 'POST', '/api/agent-tasks/at_1/revoke', 'deny:rule'],
    // a default deny or ask wins over a scope's allow
    ['editor', 'GET', '/billing', 'ask'],
    ['editor', 'GET', '/admin/users', 'deny:rule'],
    // a scope limits what is allowed
    ['reports', 'GET', '/reports/q1', 'allow'],
    ['reports', 'GET', '/api/reports/q1.csv', 'allow'],
    ['reports', 'POST', '/reports/q1', 'deny:outside-scope'],
    ['reports', 'GET', '/dashboard', 'deny:outside-scope'],
    ['reports', 'HEAD', '/reports/q1', 'deny:outside-scope'], // an allow names its methods exactly
    // outside the scope, an ask is a deny: approval cannot grant past the scope
    ['reports', 'GET', '/billing', 'deny:outside-scope'],
    // a scope's own deny and ask
    ['editor', 'PUT', '/posts/1', 'allow'],
    ['editor', 'DELETE', '/posts/1', 'deny:rule'],
    ['editor', 'POST', '/posts/1/publish', 'ask'],
    // read-only is built in: safe methods anywhere, still under the default policy
    ['read-only', 'GET', '/dashboard', 'allow'],
    ['read-only', 'OPTIONS', '/x', 'allow'],
    ['read-only', 'POST', '/dashboard', 'deny:outside-scope'],
    ['read-only', 'PROPFIND', '/dashboard', 'deny:outside-scope'],
    ['read-only', 'GET', '/billing', 'ask'],
    // an unknown scope (minted with one the app later removed) fails closed
    ['gone', 'GET', '/dashboard', 'deny:unknown-scope'],
    // a rule naming GET also covers HEAD when it denies or asks (servers answer HEAD with the GET handler)
    [undefined, 'HEAD', '/secrets/x', 'ask'],
    [undefined, 'POST', '/secrets/x', 'allow'],
    // methods are compared upper-case
    ['reports', 'get', '/reports/q1', 'allow'],
  ])('scope %s: %s %s → %s', (scope, method, path, expected) => {
    expect(effectOf(scope, method, path)).toBe(expected)
  })

  it('refuses a path it cannot read', () => {
    expect(decide(policy, { method: 'GET', path: 'billing' })).toEqual({ effect: 'deny', reason: 'invalid-path' })
  })

  it('names the rule that decided', () => {
    expect(decide(policy, { method: 'GET', path: '/admin/x' })).toMatchObject({
      effect: 'deny',
      rule: { source: 'default-policy', index: 0, paths: ['/admin/**'] },
    })
    expect(decide(policy, { scope: 'editor', method: 'POST', path: '/posts/1/publish' })).toMatchObject({
      effect: 'ask',
      rule: { source: 'scope', scope: 'editor', index: 2 },
    })
    expect(decide(policy, { scope: 'editor', method: 'POST', path: '/billing/x' })).toMatchObject({
      effect: 'ask',
      rule: { source: 'default-policy', index: 1 },
    })
  })

  it('within one list the strictest match wins, whatever the order', () => {
    const ordered = resolvePolicy({ defaultPolicy: [{ effect: 'ask', paths: ['/x/**'] }, { effect: 'deny', paths: ['/x/y'] }] })
    const reversed = resolvePolicy({ defaultPolicy: [{ effect: 'deny', paths: ['/x/y'] }, { effect: 'ask', paths: ['/x/**'] }] })
    for (const p of [ordered, reversed]) {
      expect(decide(p, { method: 'GET', path: '/x/y' }).effect).toBe('deny')
      expect(decide(p, { method: 'GET', path: '/x/z' }).effect).toBe('ask')
    }
  })

  it('a scope allow needs every reading of the path; a deny needs just one', () => {
    expect(effectOf('reports', 'GET', '/reports/..%2F..%2Fdashboard')).toBe('deny:outside-scope')
    expect(effectOf('editor', 'GET', '/ADMIN')).toBe('deny:rule')
    expect(effectOf(undefined, 'GET', '/Billing%2Fcard')).toBe('ask')
  })
})
