import { randomInt } from 'node:crypto'
import type { EmulatorContext } from '../../context.js'
import { randomId } from '../../crypto/ids.js'
import type { RequestInfo, Route } from '../../http/router.js'
import type { ClientRecord, UserRecord } from '../../state/records.js'
import { readFapiBody, requireParam } from './body.js'
import { findClient, findOrCreateClient } from './browser-client.js'
import { sendWithClient } from './respond.js'
import { signInJson } from './serialize-sign-in.js'
import { signInErrors } from './sign-in-errors.js'
import { EMAIL_CODE_TTL_MS, type SignInAttempt, setSignIn, signInOf } from './sign-in-state.js'

/** Clerk abandons a sign-in after 24 hours. */
const SIGN_IN_ABANDON_MS = 24 * 3600 * 1000

function attemptOf(ctx: EmulatorContext, request: RequestInfo): { client: ClientRecord; attempt: SignInAttempt; user: UserRecord } {
  const client = findClient(ctx, request)
  const attempt = signInOf(client)
  const user = attempt ? ctx.store.users.get(attempt.userId) : undefined
  if (!client || !attempt || attempt.id !== request.params.id || !user) throw signInErrors.notFound()
  return { client, attempt, user }
}

/** A correct first factor: the sign-in completes with a new session (single-session mode ends the previous one). */
function complete(ctx: EmulatorContext, client: ClientRecord, attempt: SignInAttempt): void {
  const session = ctx.store.createSession(attempt.userId, client)
  attempt.status = 'complete'
  attempt.createdSessionId = session.id
}

function verifyPassword(ctx: EmulatorContext, client: ClientRecord, attempt: SignInAttempt, password: string): void {
  const factor = { strategy: 'password' as const, status: 'unverified' as const, attempts: 1, expireAt: Date.now() + SIGN_IN_ABANDON_MS }
  if (!ctx.store.verifyPassword(attempt.userId, password)) {
    attempt.firstFactor = { ...factor, status: 'failed' }
    throw signInErrors.passwordIncorrect()
  }
  attempt.firstFactor = { ...factor, status: 'verified' }
  complete(ctx, client, attempt)
}

/**
 * Clerk's test mode (on in development instances): an address with the `+clerk_test` subaddress gets no
 * email and its code is always 424242, which `@clerk/testing`'s `clerk.signIn({ strategy: 'email_code' })` sends.
 */
const CLERK_TEST_CODE = '424242'
function isClerkTestEmail(ctx: EmulatorContext, email: string | undefined): boolean {
  return ctx.instance === 'development' && email !== undefined && /\+clerk_test@/i.test(email)
}

function verifyCode(ctx: EmulatorContext, client: ClientRecord, attempt: SignInAttempt, code: string): void {
  const factor = attempt.firstFactor
  if (factor?.strategy !== 'email_code' || !factor.code) throw signInErrors.strategyInvalid('email_code')
  if (factor.expireAt <= Date.now()) {
    factor.status = 'expired'
    throw signInErrors.codeExpired()
  }
  factor.attempts += 1
  if (code.trim() !== factor.code) throw signInErrors.codeIncorrect()
  factor.status = 'verified'
  delete factor.code
  complete(ctx, client, attempt)
}

/**
 * The sign-in flow `<SignIn/>` runs: `POST /v1/client/sign_ins` (identifier, optionally strategy=password +
 * password), `prepare_first_factor` (email_code: a 6-digit code kept for `emulator.state.emailCodes()`, never
 * sent), `attempt_first_factor` (password or code).
 */
export const signInRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/client/sign_ins',
    kind: 'fapi',
    async handler(ctx, request) {
      const body = await readFapiBody(request.req)
      const identifier = requireParam(body, 'identifier')
      const user = ctx.store.findUserByIdentifier(identifier)
      if (!user) throw signInErrors.identifierNotFound()
      const client = findOrCreateClient(ctx, request)
      const now = Date.now()
      const attempt: SignInAttempt = {
        id: randomId('sia'),
        userId: user.id,
        identifier,
        status: 'needs_first_factor',
        firstFactor: null,
        createdSessionId: null,
        createdAt: now,
        abandonAt: now + SIGN_IN_ABANDON_MS,
      }
      setSignIn(client, attempt)
      const strategy = body.get('strategy')
      if (strategy === 'password') verifyPassword(ctx, client, attempt, requireParam(body, 'password'))
      else if (strategy !== undefined && strategy !== '') throw signInErrors.strategyInvalid(strategy)
      sendWithClient(ctx, request, signInJson(ctx, attempt), client)
    },
  },
  {
    method: 'GET',
    path: '/v1/client/sign_ins/:id',
    kind: 'fapi',
    handler(ctx, request) {
      const { client, attempt } = attemptOf(ctx, request)
      sendWithClient(ctx, request, signInJson(ctx, attempt), client)
    },
  },
  {
    method: 'POST',
    path: '/v1/client/sign_ins/:id/prepare_first_factor',
    kind: 'fapi',
    async handler(ctx, request) {
      const body = await readFapiBody(request.req)
      const { client, attempt, user } = attemptOf(ctx, request)
      if (attempt.status === 'complete') throw signInErrors.alreadyComplete()
      const strategy = requireParam(body, 'strategy')
      if (strategy !== 'email_code') throw signInErrors.strategyInvalid(strategy)
      const emailAddressId = body.get('email_address_id') || user.primaryEmailAddressId
      if (!emailAddressId || !user.emails.some((e) => e.id === emailAddressId)) throw signInErrors.strategyInvalid(strategy)
      const now = Date.now()
      attempt.firstFactor = {
        strategy: 'email_code',
        status: 'unverified',
        attempts: 0,
        expireAt: now + EMAIL_CODE_TTL_MS,
        emailAddressId,
        code: isClerkTestEmail(ctx, user.emails.find((e) => e.id === emailAddressId)?.email) ? CLERK_TEST_CODE : String(randomInt(0, 1_000_000)).padStart(6, '0'),
        codeCreatedAt: now,
      }
      sendWithClient(ctx, request, signInJson(ctx, attempt), client)
    },
  },
  {
    method: 'POST',
    path: '/v1/client/sign_ins/:id/attempt_first_factor',
    kind: 'fapi',
    async handler(ctx, request) {
      const body = await readFapiBody(request.req)
      const { client, attempt } = attemptOf(ctx, request)
      if (attempt.status === 'complete') throw signInErrors.alreadyComplete()
      const strategy = requireParam(body, 'strategy')
      if (strategy === 'password') verifyPassword(ctx, client, attempt, requireParam(body, 'password'))
      else if (strategy === 'email_code') verifyCode(ctx, client, attempt, requireParam(body, 'code'))
      else throw signInErrors.strategyInvalid(strategy)
      sendWithClient(ctx, request, signInJson(ctx, attempt), client)
    },
  },
]
