import { matchesEveryReading, matchesAnyReading, type NormalisedPath, normalisePath } from './path-pattern.js'
import type { CompiledRule, ResolvedPolicy, RuleRef } from './rules.js'

export interface DecideInput {
  /** The scope the session's link was minted with; `undefined`: none (the default policy only). */
  scope?: string | undefined
  method: string
  /** The request's path (a pathname; a query is ignored) or an already normalised one. */
  path: string | NormalisedPath
}

/**
 * Why a request was denied:
 * - `rule`: a deny rule (default policy or scope) matched;
 * - `outside-scope`: the link's scope allows nothing that covers the request;
 * - `unknown-scope`: the link names a scope the app no longer declares (fail closed);
 * - `invalid-path`: the path could not be read.
 */
export type DenyReason = 'rule' | 'outside-scope' | 'unknown-scope' | 'invalid-path'

export type Decision =
  | { effect: 'allow' }
  | { effect: 'deny'; reason: DenyReason; rule?: RuleRef }
  | { effect: 'ask'; rule: RuleRef }

const ALLOW: Decision = { effect: 'allow' }

/**
 * What an agent session may do with one request. Within a list of rules the strictest match wins
 * (deny over ask over allow, order does not matter). Then:
 * 1. a default-policy deny denies, whatever the scope;
 * 2. with a scope: a request none of its rules allows is denied; a scope deny denies;
 *    an ask from the default policy or the scope asks; otherwise allowed;
 * 3. without a scope: a default-policy ask asks; everything else is allowed.
 * An ask can therefore only be approved inside what the scope allows; nothing approves past a deny.
 */
export function decide(policy: ResolvedPolicy, input: DecideInput): Decision {
  const path = typeof input.path === 'string' ? normalisePath(input.path) : input.path
  if (path === undefined) return { effect: 'deny', reason: 'invalid-path' }
  const method = input.method.toUpperCase()
  const fromDefault = strictestMatch(policy.defaultRules, method, path)
  if (fromDefault?.ref.effect === 'deny') return { effect: 'deny', reason: 'rule', rule: fromDefault.ref }
  if (input.scope !== undefined) {
    const scope = policy.scopes.get(input.scope)
    if (scope === undefined) return { effect: 'deny', reason: 'unknown-scope' }
    const fromScope = strictestMatch(scope.rules, method, path)
    if (fromScope === undefined) return { effect: 'deny', reason: 'outside-scope' }
    if (fromScope.ref.effect === 'deny') return { effect: 'deny', reason: 'rule', rule: fromScope.ref }
    if (fromScope.ref.effect === 'ask' && fromDefault === undefined) return { effect: 'ask', rule: fromScope.ref }
  }
  return fromDefault === undefined ? ALLOW : { effect: 'ask', rule: fromDefault.ref }
}

const STRICTNESS = { allow: 0, ask: 1, deny: 2 } as const

function strictestMatch(rules: readonly CompiledRule[], method: string, path: NormalisedPath): CompiledRule | undefined {
  let strictest: CompiledRule | undefined
  for (const rule of rules) {
    if (strictest !== undefined && STRICTNESS[rule.ref.effect] <= STRICTNESS[strictest.ref.effect]) continue
    if (ruleMatches(rule, method, path)) strictest = rule
  }
  return strictest
}

/**
 * Deny and ask rules match loosely (either path reading; a rule naming GET also covers HEAD, which
 * servers answer with the GET handler); allow rules strictly (both readings, the method itself).
 */
function ruleMatches(rule: CompiledRule, method: string, path: NormalisedPath): boolean {
  const restrictive = rule.ref.effect !== 'allow'
  if (rule.methods !== undefined && !rule.methods.has(method) && !(restrictive && method === 'HEAD' && rule.methods.has('GET'))) return false
  const matches = restrictive ? matchesAnyReading : matchesEveryReading
  return rule.patterns.some((pattern) => matches(pattern, path))
}
