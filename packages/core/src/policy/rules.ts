import { type CompiledPattern, compilePattern } from './path-pattern.js'

/** The methods a rule may name. A request with any other method matches only `methods: '*'`. */
export const httpMethods = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type HttpMethod = (typeof httpMethods)[number]

/** `'safe'`: GET, HEAD and OPTIONS (methods that change nothing, RFC 9110 §9.2.1). */
export const safeMethods: readonly HttpMethod[] = ['GET', 'HEAD', 'OPTIONS']

/** Which methods a rule covers: a list, `'safe'`, or `'*'` (any method, also ones not listed above). Default `'*'`. */
export type MethodSelector = readonly HttpMethod[] | 'safe' | '*'

export type RuleEffect = 'allow' | 'deny' | 'ask'

export interface PolicyRule {
  methods?: MethodSelector
  paths: readonly string[]
  effect: RuleEffect
}

/** A rule in a scope: `effect` defaults to `'allow'`. */
export interface ScopeRule {
  methods?: MethodSelector
  paths: readonly string[]
  effect?: RuleEffect
}

/** What a link minted with this scope lets its agent do: what its rules allow, minus what they deny or ask. */
export interface Scope {
  /** Shown to the person who mints a link. */
  description?: string
  rules: readonly ScopeRule[]
}

export interface AgentPolicyOptions {
  /** Named scopes a mint may choose. `read-only` is built in (safe methods everywhere) unless you define your own. */
  scopes?: Readonly<Record<string, Scope>>
  /**
   * What no agent session may do (`deny`) or may do only with its person's approval (`ask`), whatever
   * its scope. Replaces the built-in default (`ask` for `/billing/**`, `/account/**` and their `/api/`
   * twins); the agent-tasks routes are always denied. Rules here may only deny or ask.
   */
  defaultPolicy?: readonly PolicyRule[]
  /** How long an approval lets the agent retry the approved method and path. Default 300 (5 minutes). */
  approvalTtlSeconds?: number
  /** How long a request waits for the person's answer before it expires. Default 900 (15 minutes). */
  approvalRequestTtlSeconds?: number
  /** Most requests waiting for one user's answer; past it `ask` refuses without a new request. Default 20. */
  maxPendingApprovalsPerUser?: number
  /**
   * An agent session the ledger cannot tie to a link: `'default-policy'` (the default, as issue #18
   * asks: everything the default policy does not deny or ask is allowed) or `'deny'` (refuse all).
   */
  unplacedAgentSessions?: 'default-policy' | 'deny'
  /**
   * Where the agent-tasks routes are mounted: agents are always denied there (the routes refuse agent
   * sessions too; this keeps them off the approval routes whatever `allowAgentSessions` says). On an
   * instance it defaults to `basePath`, else the adapters' conventional `/api/agent-tasks`.
   */
  agentTasksPath?: string
}

export interface PolicyContext {
  /** Where the agent-tasks contract is mounted (e.g. `/api/agent-tasks`): agents are always denied there. */
  agentTasksPath?: string
}

/** Where a compiled rule came from, for refusals and the audit log. */
export interface RuleRef {
  source: 'built-in' | 'default-policy' | 'scope'
  /** The scope's name, for `source: 'scope'`. */
  scope?: string
  /** Position in `defaultPolicy` or in the scope's `rules` (built-in rules: in the built-in list). */
  index: number
  effect: RuleEffect
  methods: readonly string[] | '*'
  paths: readonly string[]
}

export interface CompiledRule {
  ref: RuleRef
  /** `undefined`: any method. */
  methods: ReadonlySet<string> | undefined
  patterns: readonly CompiledPattern[]
}

export interface ResolvedScope {
  name: string
  description: string | undefined
  rules: readonly CompiledRule[]
}

export interface ResolvedPolicy {
  defaultRules: readonly CompiledRule[]
  scopes: ReadonlyMap<string, ResolvedScope>
  approvalTtlSeconds: number
  approvalRequestTtlSeconds: number
  maxPendingApprovalsPerUser: number
  unplacedAgentSessions: 'default-policy' | 'deny'
}

export const builtInDefaultPolicy: readonly PolicyRule[] = [
  { effect: 'ask', paths: ['/billing/**', '/account/**', '/api/billing/**', '/api/account/**'] },
]

export const builtInScopes: Readonly<Record<string, Scope>> = {
  'read-only': { description: 'Look, change nothing: GET, HEAD and OPTIONS anywhere.', rules: [{ methods: 'safe', paths: ['/**'] }] },
}

const SCOPE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/

function policyError(option: string, message: string): TypeError {
  return new TypeError(`@agent-tasks/core: policy.${option} ${message}`)
}

/** Checks the app's declarations once, at startup. Throws a `TypeError` naming the first bad option. */
export function resolvePolicy(options: AgentPolicyOptions = {}, context: PolicyContext = {}): ResolvedPolicy {
  if (typeof options !== 'object' || options === null) throw new TypeError('@agent-tasks/core: policy must be an object')
  const defaultRules: CompiledRule[] = []
  const mount = agentTasksPattern(options.agentTasksPath ?? context.agentTasksPath)
  if (mount !== undefined) defaultRules.push(compileRule('built-in', undefined, 0, { effect: 'deny', paths: [mount] }, 'agentTasksPath'))
  const given = options.defaultPolicy
  if (given !== undefined && !Array.isArray(given)) throw policyError('defaultPolicy', 'must be an array of rules')
  const source = given === undefined ? 'built-in' : 'default-policy'
  ;(given ?? builtInDefaultPolicy).forEach((rule, index) => {
    const name = `defaultPolicy[${index}]`
    if (isObject(rule) && rule.effect === 'allow') {
      throw policyError(
        `${name}.effect`,
        '"allow" has no effect in the default policy: everything it does not deny or ask is allowed; to allow less, mint links with a scope',
      )
    }
    if (isObject(rule) && rule.effect === undefined) throw policyError(`${name}.effect`, 'must be "deny" or "ask"')
    defaultRules.push(compileRule(source, undefined, source === 'built-in' ? index + 1 : index, rule, name))
  })
  return {
    defaultRules,
    scopes: resolveScopes(options.scopes),
    approvalTtlSeconds: positiveInteger('approvalTtlSeconds', options.approvalTtlSeconds, 300),
    approvalRequestTtlSeconds: positiveInteger('approvalRequestTtlSeconds', options.approvalRequestTtlSeconds, 900),
    maxPendingApprovalsPerUser: positiveInteger('maxPendingApprovalsPerUser', options.maxPendingApprovalsPerUser, 20),
    unplacedAgentSessions: unplaced(options.unplacedAgentSessions),
  }
}

function resolveScopes(scopes: AgentPolicyOptions['scopes']): Map<string, ResolvedScope> {
  if (scopes !== undefined && (!isObject(scopes) || Array.isArray(scopes))) {
    throw policyError('scopes', 'must be an object of named scopes, e.g. { reports: { rules: [...] } }')
  }
  const resolved = new Map<string, ResolvedScope>()
  for (const [name, scope] of [...Object.entries(builtInScopes), ...Object.entries(scopes ?? {})]) {
    const option = `scopes[${JSON.stringify(name)}]`
    if (!SCOPE_NAME.test(name)) throw policyError(option, 'is not a valid scope name: use letters, digits, ".", "_", ":" or "-" (at most 64)')
    if (!isObject(scope)) throw policyError(option, 'must be an object with `rules`')
    if (scope.description !== undefined && typeof scope.description !== 'string') throw policyError(`${option}.description`, 'must be a string')
    if (!Array.isArray(scope.rules) || scope.rules.length === 0) throw policyError(`${option}.rules`, 'must list at least one rule')
    const rules = scope.rules.map((rule, index) =>
      compileRule('scope', name, index, isObject(rule) ? { ...rule, effect: rule.effect ?? 'allow' } : rule, `${option}.rules[${index}]`),
    )
    resolved.set(name, { name, description: scope.description, rules })
  }
  return resolved
}

function compileRule(source: RuleRef['source'], scope: string | undefined, index: number, rule: unknown, option: string): CompiledRule {
  if (!isObject(rule)) throw policyError(option, 'must be an object { methods?, paths, effect }')
  const effect = rule.effect
  if (effect !== 'allow' && effect !== 'deny' && effect !== 'ask') throw policyError(`${option}.effect`, 'must be "allow", "deny" or "ask"')
  const paths = rule.paths
  if (!Array.isArray(paths) || paths.length === 0) throw policyError(`${option}.paths`, 'must list at least one path pattern')
  const patterns = paths.map((path: unknown, at) => {
    const compiled = typeof path === 'string' ? compilePattern(path) : 'must be a string'
    if (typeof compiled === 'string') throw policyError(`${option}.paths[${at}]`, `${JSON.stringify(path)} ${compiled}`)
    return compiled
  })
  const methods = resolveMethods(rule.methods, `${option}.methods`)
  const ref: RuleRef = { source, index, effect, methods: methods === undefined ? '*' : [...methods], paths: patterns.map((p) => p.source) }
  if (scope !== undefined) ref.scope = scope
  return { ref, methods, patterns }
}

function resolveMethods(methods: unknown, option: string): ReadonlySet<string> | undefined {
  if (methods === undefined || methods === '*') return undefined
  if (methods === 'safe') return new Set(safeMethods)
  if (!Array.isArray(methods) || methods.length === 0) throw policyError(option, 'must be "*", "safe" or a list of HTTP methods')
  return new Set(
    methods.map((method: unknown, at) => {
      const upper = typeof method === 'string' ? method.toUpperCase() : undefined
      if (upper === undefined || !(httpMethods as readonly string[]).includes(upper)) {
        throw policyError(`${option}[${at}]`, `${JSON.stringify(method)} is not one of ${httpMethods.join(', ')}`)
      }
      return upper
    }),
  )
}

function agentTasksPattern(path: string | undefined): string | undefined {
  if (path === undefined || path === '') return undefined
  const trimmed = path.replace(/\/+$/, '')
  if (trimmed === '' || !trimmed.startsWith('/')) throw policyError('agentTasksPath', `must be a path such as "/api/agent-tasks", got ${JSON.stringify(path)}`)
  return `${trimmed}/**`
}

function positiveInteger(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw policyError(option, 'must be a positive whole number')
  return value
}

function unplaced(value: unknown): 'default-policy' | 'deny' {
  if (value === undefined) return 'default-policy'
  if (value === 'default-policy' || value === 'deny') return value
  throw policyError('unplacedAgentSessions', 'must be "default-policy" or "deny"')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
