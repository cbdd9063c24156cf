import type { Approvals } from './approvals.js'
import { type Decision, decide } from './decide.js'
import { normalisePath } from './path-pattern.js'
import type { ResolvedPolicy, RuleRef } from './rules.js'
import { type AgentSessionAuth, isAgentAuth, type SessionLink } from './session-link.js'
import type { SessionLinker } from './session-link-cache.js'

export interface GuardInput {
  auth: AgentSessionAuth | null | undefined
  method: string
  /** The request's pathname (a query is ignored). Pass it after any method or path rewriting the app does. */
  path: string
  /** The `Accept` header: a GET or HEAD that accepts `text/html` is a page navigation. */
  accept?: string | null | undefined
  /** The framework's request object, handed to the ledger lookup (and so to hooks). */
  context?: unknown
}

export interface GuardDeps {
  policy: ResolvedPolicy
  links: Pick<SessionLinker, 'linkOf'>
  approvals: Pick<Approvals, 'admit'>
}

/** The RFC 9457 problem document of a refusal; `code` as in core's error table. */
export interface GuardProblem {
  type: string
  title: string
  status: 403 | 503
  detail: string
  code: 'agent_action_forbidden' | 'store_unavailable'
  /** On an `ask`: the request the person can approve; the agent retries after they do. */
  approval?: { id: string; status: 'pending' | 'approved'; expiresAt: string }
}

export interface GuardPass {
  pass: true
  /** Set for agent sessions: what the guard found, for the audit log. */
  agent?: { link: SessionLink | undefined; approvalId?: string }
}

export interface GuardRefusal {
  pass: false
  status: 403 | 503
  /** `page`: answer a small HTML page; `api`: answer `problem` as `application/problem+json`. */
  kind: 'api' | 'page'
  problem: GuardProblem
  approvalId?: string
  /** The approval request was opened by this request (the agent's first ask). */
  approvalOpened?: boolean
  /** For the audit hook. */
  link?: SessionLink | undefined
  decision?: Decision
}

export type GuardOutcome = GuardPass | GuardRefusal

const PASS: GuardPass = Object.freeze({ pass: true })

/**
 * The guard without a framework. A person's request (any session not opened by an agent task, or
 * none) passes without a single store call. An agent session's request is tied to its link (and so
 * its scope), decided, and refused with 403 when denied or waiting for approval; when the ledger or
 * the approval store fails, it is refused with 503, never let through.
 */
export async function guardRequest(input: GuardInput, deps: GuardDeps): Promise<GuardOutcome> {
  const { auth } = input
  if (!isAgentAuth(auth)) return PASS
  const kind = requestKind(input.method, input.accept)
  const path = normalisePath(input.path)
  if (path === undefined) return refuse(kind, 'The request path could not be read.', { decision: { effect: 'deny', reason: 'invalid-path' } })
  let link: SessionLink | undefined
  try {
    link = await deps.links.linkOf(auth, input.context)
  } catch {
    return unavailable(kind, 'The agent link records could not be read, so this agent request is refused.')
  }
  if (link === undefined && deps.policy.unplacedAgentSessions === 'deny') {
    return refuse(kind, 'This agent session is not tied to a known link, so it may not act.', { link })
  }
  const method = input.method.toUpperCase()
  const decision = decide(deps.policy, { scope: link?.scope, method, path })
  if (decision.effect === 'allow') return { pass: true, agent: { link } }
  if (decision.effect === 'deny') return refuse(kind, denyDetail(decision, link), { link, decision })
  let admitted: Awaited<ReturnType<Approvals['admit']>>
  try {
    admitted = await deps.approvals.admit(
      { userId: typeof auth.userId === 'string' ? auth.userId : '', sessionId: typeof auth.sessionId === 'string' ? auth.sessionId : '', method, path: path.path },
      { rule: decision.rule, agentTaskId: link?.agentTaskId },
    )
  } catch {
    return unavailable(kind, 'The approval records could not be read, so this agent request is refused.')
  }
  if (admitted.pass) return { pass: true, agent: { link, approvalId: admitted.request.id } }
  if ('limitReached' in admitted) {
    return refuse(kind, `${askDetail(decision.rule)} Too many requests already wait for the person's answer; none was added.`, { link, decision })
  }
  const { id, status, expiresAt } = admitted.request
  const approval = { id, status: status === 'approved' ? ('approved' as const) : ('pending' as const), expiresAt }
  const refusal = refuse(kind, `${askDetail(decision.rule)} Approval ${id} waits for the person's answer; retry after they approve it.`, {
    link,
    decision,
    approval,
  })
  refusal.approvalOpened = admitted.opened
  return refusal
}

/** A page navigation (GET or HEAD accepting HTML) gets a page; everything else a problem document. */
export function requestKind(method: string, accept: string | null | undefined): 'api' | 'page' {
  const upper = method.toUpperCase()
  return (upper === 'GET' || upper === 'HEAD') && typeof accept === 'string' && /(^|,)\s*text\/html/i.test(accept) ? 'page' : 'api'
}

function refuse(
  kind: 'api' | 'page',
  detail: string,
  extra: { link?: SessionLink | undefined; decision?: Decision; approval?: GuardProblem['approval'] },
): GuardRefusal {
  const problem: GuardProblem = {
    type: 'urn:agent-tasks:error:agent_action_forbidden',
    title: 'Agents may not do this',
    status: 403,
    detail,
    code: 'agent_action_forbidden',
  }
  const refusal: GuardRefusal = { pass: false, status: 403, kind, problem, link: extra.link }
  if (extra.decision !== undefined) refusal.decision = extra.decision
  if (extra.approval !== undefined) {
    problem.approval = extra.approval
    refusal.approvalId = extra.approval.id
  }
  return refusal
}

function unavailable(kind: 'api' | 'page', detail: string): GuardRefusal {
  return {
    pass: false,
    status: 503,
    kind,
    problem: { type: 'urn:agent-tasks:error:store_unavailable', title: 'Link records unavailable', status: 503, detail, code: 'store_unavailable' },
  }
}

function denyDetail(decision: Extract<Decision, { effect: 'deny' }>, link: SessionLink | undefined): string {
  switch (decision.reason) {
    case 'outside-scope':
      return `This agent's link was minted with the scope "${link?.scope}", which does not allow this request.`
    case 'unknown-scope':
      return `This agent's link names the scope "${link?.scope}", which the app no longer declares, so it may not act.`
    case 'invalid-path':
      return 'The request path could not be read.'
    default:
      return `Agents may not do this (${ruleLabel(decision.rule)}).`
  }
}

function askDetail(rule: RuleRef): string {
  return `Agents need the person's approval for this (${ruleLabel(rule)}).`
}

function ruleLabel(rule: RuleRef | undefined): string {
  if (rule === undefined) return 'policy'
  const where = rule.source === 'scope' ? `scope "${rule.scope}" rule ${rule.index}` : rule.source === 'default-policy' ? `defaultPolicy[${rule.index}]` : 'built-in rule'
  return `${where}: ${rule.methods === '*' ? '*' : rule.methods.join(',')} ${rule.paths.join(' ')}`
}
