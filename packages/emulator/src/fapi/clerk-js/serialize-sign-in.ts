import type { SignInFirstFactorJSON, SignInJSON, VerificationJSON } from '@clerk/shared/types'
import type { EmulatorContext } from '../../context.js'
import type { UserRecord } from '../../state/records.js'
import { imageUrl } from './serialize-user.js'
import type { FirstFactorVerification, SignInAttempt } from './sign-in-state.js'

/** Masks an email address as Clerk's `safe_identifier` does: `a***@example.com`. */
function safeIdentifier(email: string): string {
  const at = email.indexOf('@')
  return at <= 1 ? email : `${email[0]}***${email.slice(at)}`
}

export function supportedFirstFactors(user: UserRecord): SignInFirstFactorJSON[] {
  const factors: SignInFirstFactorJSON[] = []
  if (user.passwordHash !== null) factors.push({ strategy: 'password' })
  for (const email of user.emails) {
    factors.push({
      strategy: 'email_code',
      email_address_id: email.id,
      safe_identifier: safeIdentifier(email.email),
      primary: email.id === user.primaryEmailAddressId,
    })
  }
  return factors
}

function verificationJson(factor: FirstFactorVerification, signInId: string): VerificationJSON {
  return {
    object: 'verification',
    id: `ver_${signInId}`,
    status: factor.status,
    strategy: factor.strategy,
    attempts: factor.attempts,
    expire_at: factor.expireAt,
    verified_at_client: '',
    error: null as unknown as VerificationJSON['error'],
  }
}

export function signInJson(ctx: EmulatorContext, attempt: SignInAttempt): SignInJSON {
  const user = ctx.store.users.get(attempt.userId)
  return {
    object: 'sign_in',
    id: attempt.id,
    status: attempt.status,
    supported_identifiers: ['email_address', 'username'],
    identifier: attempt.identifier,
    user_data: {
      ...(user?.firstName ? { first_name: user.firstName } : {}),
      ...(user?.lastName ? { last_name: user.lastName } : {}),
      image_url: user ? imageUrl(ctx, user) : '',
      has_image: false,
    },
    supported_first_factors: user ? supportedFirstFactors(user) : [],
    supported_second_factors: [],
    first_factor_verification: attempt.firstFactor ? verificationJson(attempt.firstFactor, attempt.id) : null,
    second_factor_verification: null,
    created_session_id: attempt.createdSessionId,
    timezone: null,
  }
}
