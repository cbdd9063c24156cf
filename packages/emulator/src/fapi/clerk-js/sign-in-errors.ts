import { ApiError } from '../../http/errors.js'

/** The errors Clerk's Frontend API answers during sign-in (codes and texts as clerk-js shows them). */
export const signInErrors = {
  identifierNotFound: (): ApiError =>
    ApiError.of(422, 'form_identifier_not_found', "Couldn't find your account.", "Couldn't find your account.", { param_name: 'identifier' }),
  passwordIncorrect: (): ApiError =>
    ApiError.of(
      422,
      'form_password_incorrect',
      'Password is incorrect. Try again, or use another method.',
      'Password is incorrect. Try again, or use another method.',
      { param_name: 'password' },
    ),
  codeIncorrect: (): ApiError => ApiError.of(422, 'form_code_incorrect', 'Incorrect code', 'Incorrect code', { param_name: 'code' }),
  codeExpired: (): ApiError =>
    ApiError.of(422, 'verification_expired', 'Verification expired', 'This verification has expired. Request a new code.', { param_name: 'code' }),
  strategyInvalid: (strategy: string): ApiError =>
    ApiError.of(
      422,
      'strategy_for_user_invalid',
      'Invalid verification strategy',
      `The verification strategy ${strategy} is not valid for this account. The emulator supports password and email_code.`,
      { param_name: 'strategy' },
    ),
  notFound: (): ApiError => ApiError.of(404, 'resource_not_found', 'not found', 'No sign-in with this id on this client.'),
  alreadyComplete: (): ApiError =>
    ApiError.of(400, 'verification_already_verified', 'already verified', 'This sign-in is already complete.'),
}
