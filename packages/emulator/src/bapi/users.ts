import type { EmulatorContext } from '../context.js'
import { ApiError, errors } from '../http/errors.js'
import { readJsonObject, sendJson } from '../http/io.js'
import type { Route } from '../http/router.js'
import { MIN_PASSWORD_LENGTH } from '../state/passwords.js'
import { IdentifierTakenError } from '../state/store.js'
import type { UserRecord } from '../state/records.js'
import { userJson } from '../serialize.js'
import { optionalObject, optionalString, queryInt, queryList, rejectUnknown } from './validate.js'

/** Everything `users.createUser` may send (snake_cased). Fields the emulator does not model are accepted and ignored. */
const CREATE_FIELDS = [
  'external_id',
  'email_address',
  'email_address_identification_status',
  'phone_number',
  'phone_number_identification_status',
  'web3_wallet',
  'username',
  'password',
  'password_digest',
  'password_hasher',
  'first_name',
  'last_name',
  'locale',
  'timezone',
  'skip_password_checks',
  'skip_password_requirement',
  'skip_legal_checks',
  'legal_accepted_at',
  'totp_secret',
  'backup_codes',
  'created_at',
  'banned',
  'locked',
  'public_metadata',
  'private_metadata',
  'unsafe_metadata',
] as const

/** Everything `users.updateUser` may send (snake_cased). Fields the emulator does not model are accepted and ignored. */
const UPDATE_FIELDS = [
  'external_id',
  'first_name',
  'last_name',
  'username',
  'password',
  'password_digest',
  'password_hasher',
  'skip_password_checks',
  'sign_out_of_other_sessions',
  'primary_email_address_id',
  'notify_primary_email_address_changed',
  'primary_phone_number_id',
  'primary_web3_wallet_id',
  'profile_image_id',
  'totp_secret',
  'backup_codes',
  'created_at',
  'skip_legal_checks',
  'legal_accepted_at',
  'locale',
  'timezone',
  'delete_self_enabled',
  'create_organization_enabled',
  'create_organizations_limit',
  'public_metadata',
  'private_metadata',
  'unsafe_metadata',
  'bypass_client_trust',
] as const

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const USERNAME = /^[a-zA-Z0-9_-]{4,64}$/

function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw errors.paramInvalid(key, 'must be a boolean.')
  return value
}

/**
 * The `password` param, checked as Clerk's default policy does unless `skip_password_checks` is true:
 * at least 8 characters (Clerk's breached-password check needs a list the emulator does not have).
 */
function passwordParam(body: Record<string, unknown>): string | undefined {
  const password = optionalString(body, 'password')
  if (password === undefined) return undefined
  if (password === '') throw errors.paramMissing('password')
  if (optionalBoolean(body, 'skip_password_checks') !== true && password.length < MIN_PASSWORD_LENGTH) {
    const text = `Passwords must be ${MIN_PASSWORD_LENGTH} characters or more.`
    throw ApiError.of(422, 'form_password_length_too_short', text, text, { param_name: 'password' })
  }
  return password
}

function identifierTaken(error: IdentifierTakenError): ApiError {
  return ApiError.of(422, 'form_identifier_exists', 'That identifier is taken.', error.message, { param_name: error.param })
}

function filterUsers(ctx: EmulatorContext, url: URL): UserRecord[] {
  const emails = queryList(url, 'email_address').map((e) => e.toLowerCase())
  const usernames = queryList(url, 'username').map((u) => u.toLowerCase())
  const ids = queryList(url, 'user_id')
  const externalIds = queryList(url, 'external_id')
  const phones = queryList(url, 'phone_number')
  const wallets = queryList(url, 'web3_wallet')
  const query = url.searchParams.get('query')?.toLowerCase()
  return [...ctx.store.users.values()].filter((user) => {
    if (emails.length && !user.emails.some((e) => emails.includes(e.email))) return false
    if (usernames.length && !(user.username && usernames.includes(user.username))) return false
    if (ids.length && !ids.includes(user.id)) return false
    if (externalIds.length && !(user.externalId && externalIds.includes(user.externalId))) return false
    if (phones.length || wallets.length) return false
    if (query) {
      const haystack = [user.id, user.username, user.firstName, user.lastName, user.externalId, ...user.emails.map((e) => e.email)]
      if (!haystack.some((v) => v?.toLowerCase().includes(query))) return false
    }
    return true
  })
}

const SORT_KEYS: Record<string, (u: UserRecord) => string | number> = {
  created_at: (u) => u.createdAt,
  updated_at: (u) => u.updatedAt,
  first_name: (u) => u.firstName ?? '',
  last_name: (u) => u.lastName ?? '',
  username: (u) => u.username ?? '',
  email_address: (u) => u.emails[0]?.email ?? '',
  last_sign_in_at: (u) => u.lastSignInAt ?? 0,
  last_active_at: (u) => u.lastActiveAt ?? 0,
}

function sortUsers(users: UserRecord[], orderBy: string): UserRecord[] {
  const descending = !orderBy.startsWith('+')
  const key = SORT_KEYS[orderBy.replace(/^[+-]/, '')]
  if (!key) throw errors.paramValue('order_by', 'is not a supported ordering.')
  return users.sort((a, b) => {
    const x = key(a)
    const y = key(b)
    const cmp = x < y ? -1 : x > y ? 1 : 0
    return descending ? -cmp : cmp
  })
}

function getUserOr404(ctx: EmulatorContext, id: string): UserRecord {
  const user = ctx.store.users.get(id)
  if (!user) throw errors.notFound('user')
  return user
}

/** `/v1/users` — create, list (array), count, get, update, verify password, delete. */
export const userRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/users',
    kind: 'bapi',
    async handler(ctx, { req, res }) {
      const body = await readJsonObject(req)
      rejectUnknown(body, CREATE_FIELDS)
      const rawEmails = body.email_address ?? []
      if (!Array.isArray(rawEmails) || rawEmails.some((e) => typeof e !== 'string')) {
        throw errors.paramInvalid('email_address', 'must be an array of strings.')
      }
      const emails = rawEmails as string[]
      for (const email of emails) {
        if (!EMAIL.test(email)) throw errors.paramInvalid('email_address', 'must be a valid email address.')
      }
      const username = optionalString(body, 'username')
      if (username !== undefined && !USERNAME.test(username)) {
        throw errors.paramInvalid('username', 'must be 4-64 characters of letters, digits, "-" or "_".')
      }
      if (emails.length === 0 && username === undefined) {
        throw ApiError.of(422, 'form_data_missing', 'missing data', 'Provide at least one identifier (email_address or username).')
      }
      const firstName = optionalString(body, 'first_name')
      const lastName = optionalString(body, 'last_name')
      const externalId = optionalString(body, 'external_id')
      const publicMetadata = optionalObject(body, 'public_metadata')
      const privateMetadata = optionalObject(body, 'private_metadata')
      const unsafeMetadata = optionalObject(body, 'unsafe_metadata')
      optionalBoolean(body, 'skip_password_requirement') // accepted: the emulator never requires a password
      const password = passwordParam(body)
      try {
        const [email, ...additionalEmails] = emails
        const user = ctx.store.createUser({
          ...(email ? { email } : {}),
          additionalEmails,
          ...(username !== undefined ? { username } : {}),
          ...(firstName !== undefined ? { firstName } : {}),
          ...(lastName !== undefined ? { lastName } : {}),
          ...(externalId !== undefined ? { externalId } : {}),
          ...(publicMetadata ? { publicMetadata } : {}),
          ...(privateMetadata ? { privateMetadata } : {}),
          ...(unsafeMetadata ? { unsafeMetadata } : {}),
          ...(password !== undefined ? { password } : {}),
        })
        sendJson(res, 200, userJson(user, ctx.url))
      } catch (error) {
        if (error instanceof IdentifierTakenError) throw identifierTaken(error)
        throw error
      }
    },
  },
  {
    method: 'GET',
    path: '/v1/users',
    kind: 'bapi',
    handler(ctx, { res, url }) {
      const limit = queryInt(url, 'limit', 10, 500)
      const offset = queryInt(url, 'offset', 0, Number.MAX_SAFE_INTEGER)
      const users = sortUsers(filterUsers(ctx, url), url.searchParams.get('order_by') || '-created_at')
      sendJson(
        res,
        200,
        users.slice(offset, offset + limit).map((u) => userJson(u, ctx.url)),
      )
    },
  },
  {
    method: 'GET',
    path: '/v1/users/count',
    kind: 'bapi',
    handler(ctx, { res, url }) {
      sendJson(res, 200, { object: 'total_count', total_count: filterUsers(ctx, url).length })
    },
  },
  {
    method: 'GET',
    path: '/v1/users/:id',
    kind: 'bapi',
    handler(ctx, { res, params }) {
      sendJson(res, 200, userJson(getUserOr404(ctx, params.id ?? ''), ctx.url))
    },
  },
  {
    method: 'PATCH',
    path: '/v1/users/:id',
    kind: 'bapi',
    async handler(ctx, { req, res, params }) {
      const user = getUserOr404(ctx, params.id ?? '')
      const body = await readJsonObject(req)
      rejectUnknown(body, UPDATE_FIELDS)
      const username = optionalString(body, 'username')
      if (username !== undefined && !USERNAME.test(username)) {
        throw errors.paramInvalid('username', 'must be 4-64 characters of letters, digits, "-" or "_".')
      }
      const holder = username !== undefined ? ctx.store.findUserByUsername(username) : undefined
      if (holder && holder.id !== user.id) {
        throw identifierTaken(new IdentifierTakenError('username'))
      }
      const primaryEmailId = optionalString(body, 'primary_email_address_id')
      if (primaryEmailId !== undefined && !user.emails.some((e) => e.id === primaryEmailId)) {
        throw errors.paramValue('primary_email_address_id', 'is not an email address of this user.')
      }
      const password = passwordParam(body)
      const signOutOthers = optionalBoolean(body, 'sign_out_of_other_sessions') === true
      const firstName = optionalString(body, 'first_name')
      const lastName = optionalString(body, 'last_name')
      const externalId = optionalString(body, 'external_id')
      const publicMetadata = optionalObject(body, 'public_metadata')
      const privateMetadata = optionalObject(body, 'private_metadata')
      const unsafeMetadata = optionalObject(body, 'unsafe_metadata')

      if (username !== undefined) user.username = username.toLowerCase()
      if (primaryEmailId !== undefined) user.primaryEmailAddressId = primaryEmailId
      if (firstName !== undefined) user.firstName = firstName
      if (lastName !== undefined) user.lastName = lastName
      if (externalId !== undefined) user.externalId = externalId
      if (publicMetadata) user.publicMetadata = publicMetadata
      if (privateMetadata) user.privateMetadata = privateMetadata
      if (unsafeMetadata) user.unsafeMetadata = unsafeMetadata
      user.updatedAt = Date.now()
      // One user.updated event either way (setPassword emits it), after every field is applied.
      if (password === undefined) ctx.store.events.emit({ type: 'user.updated', user })
      if (password !== undefined) {
        ctx.store.setPassword(user.id, password)
        if (signOutOthers) {
          for (const session of ctx.store.listSessions()) {
            if (session.userId === user.id) ctx.store.endSession(session, 'revoked')
          }
        }
      }
      sendJson(res, 200, userJson(user, ctx.url))
    },
  },
  {
    method: 'POST',
    path: '/v1/users/:id/verify_password',
    kind: 'bapi',
    async handler(ctx, { req, res, params }) {
      const user = getUserOr404(ctx, params.id ?? '')
      const body = await readJsonObject(req)
      rejectUnknown(body, ['password'])
      const password = optionalString(body, 'password')
      if (password === undefined || password === '') throw errors.paramMissing('password')
      if (!ctx.store.verifyPassword(user.id, password)) {
        throw ApiError.of(422, 'form_password_incorrect', 'Password is incorrect.', 'Password is incorrect. Try again, or use another method.', {
          param_name: 'password',
        })
      }
      sendJson(res, 200, { verified: true })
    },
  },
  {
    method: 'DELETE',
    path: '/v1/users/:id',
    kind: 'bapi',
    handler(ctx, { res, params }) {
      const user = getUserOr404(ctx, params.id ?? '')
      ctx.store.deleteUser(user.id)
      sendJson(res, 200, { object: 'user', id: user.id, deleted: true })
    },
  },
]
