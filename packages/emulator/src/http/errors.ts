/** One entry of a Clerk error body. */
export interface ClerkErrorEntry {
  message: string
  long_message: string
  code: string
  meta: Record<string, unknown>
}

/** An error answered in Clerk's shape: `{ errors: [...], clerk_trace_id }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ClerkErrorEntry[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.long_message ?? 'error')
  }

  static of(status: number, code: string, message: string, longMessage: string, meta: Record<string, unknown> = {}): ApiError {
    return new ApiError(status, [{ message, long_message: longMessage, code, meta }])
  }
}

export const errors = {
  notFound: (what = 'resource'): ApiError =>
    ApiError.of(404, 'resource_not_found', 'not found', `The requested ${what} was not found.`),
  paramUnknown: (name: string): ApiError =>
    ApiError.of(422, 'form_param_unknown', 'is unknown', `${name} is not a valid parameter for this request.`, {
      param_name: name,
    }),
  paramMissing: (name: string): ApiError =>
    ApiError.of(422, 'form_param_missing', 'missing required parameter', `${name} must be included.`, { param_name: name }),
  paramInvalid: (name: string, detail: string): ApiError =>
    ApiError.of(422, 'form_param_format_invalid', 'is invalid', `${name} ${detail}`, { param_name: name }),
  paramValue: (name: string, detail: string): ApiError =>
    ApiError.of(422, 'form_param_value_invalid', 'is invalid', `${name} ${detail}`, { param_name: name }),
  malformedBody: (): ApiError =>
    ApiError.of(400, 'malformed_request_body', 'malformed request body', 'The request body could not be parsed as JSON.'),
  unauthorized: (missing: boolean): ApiError =>
    missing
      ? ApiError.of(
          401,
          'authorization_header_missing',
          'Authorization header missing',
          'The Authorization header is missing. Send `Authorization: Bearer <secret key>`.',
        )
      : ApiError.of(
          401,
          'clerk_key_invalid',
          'Secret Key is invalid',
          'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
        ),
  tooManyRequests: (retryAfterSeconds: number): ApiError =>
    new ApiError(
      429,
      [{ message: 'Too many requests', long_message: 'Too many requests, please try again later.', code: 'too_many_requests', meta: {} }],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
}

/** Default Clerk-ish error body for a bare status (fault injection). */
export function errorForStatus(status: number): ClerkErrorEntry {
  if (status === 429) return { message: 'Too many requests', long_message: 'Too many requests, please try again later.', code: 'too_many_requests', meta: {} }
  if (status === 401) return { message: 'Unauthorized', long_message: 'Unauthorized request.', code: 'authentication_invalid', meta: {} }
  if (status === 404) return { message: 'not found', long_message: 'The requested resource was not found.', code: 'resource_not_found', meta: {} }
  if (status >= 500) return { message: 'Oops, an unexpected error occurred', long_message: 'There was an internal error on our servers. We\'ve been notified and are working on fixing it.', code: 'internal_clerk_error', meta: {} }
  return { message: 'Request failed', long_message: `The request failed with status ${status}.`, code: 'request_failed', meta: {} }
}
