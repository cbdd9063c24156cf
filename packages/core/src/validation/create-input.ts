import { type FieldError, invalidRequest } from '../errors.js'
import type { ResolvedPolicy } from '../policy/rules.js'
import { checkRedirectUrl } from './redirect-url.js'

/** What a caller may send to mint a link. Every field is optional; defaults come from options. */
export interface CreateAgentTaskInput {
  /** Shown in Clerk's audit log. */
  taskDescription?: string
  /** Where the link lands: a path (`/dashboard`) or an absolute URL on an allowed origin. */
  redirectUrl?: string
  /** How long the agent's session may live. */
  sessionMaxDurationInSeconds?: number
  /** Only accepted when the `allowAgentName` option allows it. */
  agentName?: string
  /** Mint for another user. Only accepted when the `authorize` option allows it. */
  onBehalfOf?: OnBehalfOf
  /**
   * The scope the link's agent acts within: one of the `policy.scopes` the app declares (`read-only`
   * is built in). The guard then lets the agent's session do only what the scope allows. Default: no
   * scope (the default policy only).
   */
  scope?: string
}

export type OnBehalfOf = { userId: string } | { identifier: string }

/** A create request after validation and defaults: exactly what is sent to Clerk. */
export interface ValidatedCreateInput {
  taskDescription: string
  redirectUrl: string
  sessionMaxDurationInSeconds: number
  agentName: string
  onBehalfOf: OnBehalfOf
  /** Not sent to Clerk (it accepts only `permissions: '*'`): recorded with the link for the guard. */
  scope?: string
}

const KNOWN_FIELDS = new Set([
  'scope',
  'taskDescription',
  'redirectUrl',
  'sessionMaxDurationInSeconds',
  'agentName',
  'onBehalfOf',
])
const MAX_DESCRIPTION_LENGTH = 500
const AGENT_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/
const USER_ID = /^user_[A-Za-z0-9]{1,64}$/
const MAX_IDENTIFIER_LENGTH = 320

// Half of a UTF-16 surrogate pair: what cutting an emoji with `slice` leaves. Clerk, JSON parsers in
// other languages and Redis's Lua cannot read it back, so it never enters a record.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether a string is well-formed Unicode (no half of an emoji left by cutting it). */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value)
}

const HALF_CHARACTER = 'contains half of a character (a lone UTF-16 surrogate, e.g. an emoji cut in two): truncate text by code points'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readOnBehalfOf(value: unknown, errors: FieldError[]): OnBehalfOf | undefined {
  if (!isPlainObject(value)) {
    errors.push({ field: 'onBehalfOf', message: 'must be an object: { "userId" } or { "identifier" }' })
    return undefined
  }
  const keys = Object.keys(value)
  const unknown = keys.filter((k) => k !== 'userId' && k !== 'identifier')
  for (const key of unknown) errors.push({ field: `onBehalfOf.${key}`, message: 'is not a known field' })
  if (unknown.length > 0) return undefined
  if (keys.length !== 1) {
    errors.push({ field: 'onBehalfOf', message: 'must have exactly one of "userId" or "identifier"' })
    return undefined
  }
  if ('userId' in value) {
    const userId = value.userId
    if (typeof userId !== 'string' || !USER_ID.test(userId)) {
      errors.push({ field: 'onBehalfOf.userId', message: 'must be a Clerk user ID such as "user_123"' })
      return undefined
    }
    return { userId }
  }
  const identifier = value.identifier
  if (
    typeof identifier !== 'string' ||
    identifier.trim() === '' ||
    identifier.length > MAX_IDENTIFIER_LENGTH
  ) {
    errors.push({
      field: 'onBehalfOf.identifier',
      message: `must be a non-empty email address, phone number or username (at most ${MAX_IDENTIFIER_LENGTH} characters)`,
    })
    return undefined
  }
  if (!isWellFormedText(identifier)) {
    errors.push({ field: 'onBehalfOf.identifier', message: HALF_CHARACTER })
    return undefined
  }
  return { identifier: identifier.trim() }
}

/** The resolved options a mint's input is checked against and completed from. */
export interface CreateDefaults {
  agentName: string
  allowAgentName: boolean | readonly string[]
  taskDescription: string
  redirect: { allowedOrigins: readonly string[] | undefined; defaultUrl: string }
  session: { defaultSeconds: number; maxSeconds: number; minSeconds: number }
  policy: Pick<ResolvedPolicy, 'scopes'>
}

export interface InputContext {
  options: CreateDefaults
  signedInUserId: string
  /** Origin of the incoming request, used for path redirects and as the default allowed origin. */
  requestOrigin: string | undefined
}

/**
 * Checks every field, collects every problem, and applies defaults. Throws `invalid_request`
 * naming each bad field; nothing reaches Clerk unless this passes.
 */
export function validateCreateInput(body: unknown, ctx: InputContext): ValidatedCreateInput {
  const { options } = ctx
  if (!isPlainObject(body)) {
    throw invalidRequest([{ field: '(body)', message: 'must be a JSON object' }])
  }
  const errors: FieldError[] = []
  for (const key of Object.keys(body)) {
    if (!KNOWN_FIELDS.has(key)) errors.push({ field: key, message: 'is not a known field' })
  }

  let taskDescription = options.taskDescription
  if (body.taskDescription !== undefined) {
    const value = body.taskDescription
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_DESCRIPTION_LENGTH) {
      errors.push({
        field: 'taskDescription',
        message: `must be a non-empty string of at most ${MAX_DESCRIPTION_LENGTH} characters`,
      })
    } else if (!isWellFormedText(value)) {
      errors.push({ field: 'taskDescription', message: HALF_CHARACTER })
    } else {
      taskDescription = value.trim()
    }
  }

  let sessionMaxDurationInSeconds = options.session.defaultSeconds
  if (body.sessionMaxDurationInSeconds !== undefined) {
    const value = body.sessionMaxDurationInSeconds
    const { minSeconds, maxSeconds } = options.session
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minSeconds || value > maxSeconds) {
      errors.push({
        field: 'sessionMaxDurationInSeconds',
        message: `must be a whole number of seconds from ${minSeconds} to ${maxSeconds}`,
      })
    } else {
      sessionMaxDurationInSeconds = value
    }
  }

  let agentName = options.agentName
  if (body.agentName !== undefined) {
    const value = body.agentName
    const allowed = options.allowAgentName
    if (allowed === false) {
      errors.push({
        field: 'agentName',
        message: 'is set by the server; enable the `allowAgentName` option to let callers choose it',
      })
    } else if (typeof value !== 'string' || !AGENT_NAME.test(value)) {
      errors.push({
        field: 'agentName',
        message: 'must be 1-64 letters, digits, spaces, dots, dashes or underscores',
      })
    } else if (allowed !== true && !allowed.includes(value)) {
      errors.push({ field: 'agentName', message: `must be one of: ${allowed.join(', ')}` })
    } else {
      agentName = value
    }
  }

  let onBehalfOf: OnBehalfOf = { userId: ctx.signedInUserId }
  if (body.onBehalfOf !== undefined) {
    const value = readOnBehalfOf(body.onBehalfOf, errors)
    if (value) onBehalfOf = value
  }

  const allowedOrigins =
    options.redirect.allowedOrigins ?? (ctx.requestOrigin === undefined ? [] : [ctx.requestOrigin])
  let redirectUrl = ''
  const requested = body.redirectUrl ?? options.redirect.defaultUrl
  if (typeof requested !== 'string') {
    errors.push({ field: 'redirectUrl', message: 'must be a string' })
  } else if (!isWellFormedText(requested)) {
    errors.push({ field: 'redirectUrl', message: HALF_CHARACTER })
  } else {
    const baseOrigin = ctx.requestOrigin ?? allowedOrigins[0]
    const check = checkRedirectUrl(requested, { allowedOrigins, baseOrigin })
    if (check.ok) redirectUrl = check.url
    else errors.push(check.error)
  }

  const scope = readScope(body.scope, options.policy.scopes, errors)

  if (errors.length > 0) throw invalidRequest(errors)
  const validated: ValidatedCreateInput = { taskDescription, redirectUrl, sessionMaxDurationInSeconds, agentName, onBehalfOf }
  if (scope !== undefined) validated.scope = scope
  return validated
}

function readScope(value: unknown, scopes: ReadonlyMap<string, unknown>, errors: FieldError[]): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') {
    errors.push({ field: 'scope', message: 'must be the name of a scope the app declares' })
  } else if (!isWellFormedText(value)) {
    errors.push({ field: 'scope', message: HALF_CHARACTER })
  } else if (!scopes.has(value)) {
    errors.push({ field: 'scope', message: `must be one of the scopes the app declares: ${[...scopes.keys()].join(', ')}` })
  } else {
    return value
  }
  return undefined
}

export function isSelf(onBehalfOf: OnBehalfOf, userId: string): boolean {
  return 'userId' in onBehalfOf && onBehalfOf.userId === userId
}
