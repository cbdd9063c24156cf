import type { EmulatorContext } from '../context.js'
import { randomSecret } from '../crypto/ids.js'
import { ApiError } from '../http/errors.js'
import { sendJson } from '../http/io.js'
import type { Route } from '../http/router.js'

/** Clerk's testing tokens last an hour. */
const TESTING_TOKEN_TTL_MS = 60 * 60 * 1000
/** The query parameter `@clerk/testing` adds to Frontend API requests. */
export const TESTING_TOKEN_PARAM = '__clerk_testing_token'

/**
 * A Frontend API request that carries a testing token must carry one this emulator issued and that has not
 * expired, so a suite that wires `@clerk/testing` wrongly fails here as it would on Clerk. The emulator has
 * no bot protection, so requests without one pass as before.
 */
export function checkTestingToken(ctx: EmulatorContext, url: URL): void {
  const token = url.searchParams.get(TESTING_TOKEN_PARAM)
  if (token === null) return
  const expiresAt = ctx.store.testingTokens.get(token)
  if (expiresAt !== undefined && expiresAt > Date.now()) return
  throw ApiError.of(
    401,
    'testing_token_invalid',
    'Testing token is invalid',
    `The ${TESTING_TOKEN_PARAM} parameter is not a testing token of this instance, or it expired. Get a fresh one from POST /v1/testing_tokens (clerkSetup() does).`,
  )
}

/** `POST /v1/testing_tokens`, which `@clerk/testing`'s `clerkSetup()` calls. */
export const testingTokenRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/testing_tokens',
    kind: 'bapi',
    handler(ctx, { res }) {
      const now = Date.now()
      for (const [token, expiresAt] of ctx.store.testingTokens) if (expiresAt <= now) ctx.store.testingTokens.delete(token)
      const expiresAt = now + TESTING_TOKEN_TTL_MS
      const token = `${Math.floor(expiresAt / 1000)}-${randomSecret(24)}`
      ctx.store.testingTokens.set(token, expiresAt)
      sendJson(res, 200, { object: 'testing_token', token, expires_at: expiresAt })
    },
  },
]
