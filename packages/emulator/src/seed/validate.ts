import type { EmulatorSeed, EmulatorUserInput } from '../types.js'

/** A seed that does not validate: the message names the source, the entry and the field. */
export class SeedError extends Error {
  override readonly name = 'SeedError'
}

const USER_FIELDS = [
  'id',
  'email',
  'additionalEmails',
  'username',
  'firstName',
  'lastName',
  'password',
  'publicMetadata',
  'privateMetadata',
  'unsafeMetadata',
] as const satisfies ReadonlyArray<keyof EmulatorUserInput>

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const USERNAME = /^[a-zA-Z0-9_-]{4,64}$/
/** Clerk ids are `user_` + letters and digits; a seed may also use `-` and `_` (`user_ada`). */
const USER_ID = /^user_[A-Za-z0-9_-]{1,64}$/

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Suggests the field a misspelt one probably meant (`firstname` → `firstName`, `first_name` → `firstName`). */
function suggestion(key: string): string {
  const plain = key.replace(/[_-]/g, '').toLowerCase()
  const match = USER_FIELDS.find((field) => field.toLowerCase() === plain || (plain === 'emails' && field === 'additionalEmails'))
  return match ? ` (did you mean "${match}"?)` : ''
}

/**
 * Checks a parsed seed (`{ users: [...] }`) and returns it typed. `source` names it in errors (a file
 * path, or `seed` for `startEmulator({ seed })`): `seed.yaml: users[2].email: must be an email address`.
 */
export function validateSeed(value: unknown, source: string): EmulatorSeed {
  const fail = (where: string, message: string): never => {
    throw new SeedError(`${source}: ${where}${where ? ': ' : ''}${message}`)
  }
  if (value === null || value === undefined) return { users: [] }
  if (!isPlainObject(value)) return fail('', 'must be an object with a "users" list.')
  for (const key of Object.keys(value)) {
    if (key !== 'users' && key !== 'version') fail(key, 'unknown field (a seed has "users", and optionally "version": 1).')
  }
  if (value.version !== undefined && value.version !== 1) fail('version', 'must be 1 (the only seed format so far).')
  const rawUsers = value.users ?? []
  if (!Array.isArray(rawUsers)) return fail('users', 'must be a list.')

  const seen = { id: new Map<string, number>(), email: new Map<string, number>(), username: new Map<string, number>() }
  const claim = (kind: keyof typeof seen, key: string, index: number, where: string) => {
    const earlier = seen[kind].get(key.toLowerCase())
    if (earlier !== undefined) fail(where, `"${key}" is already used by users[${earlier}].`)
    seen[kind].set(key.toLowerCase(), index)
  }

  const users = rawUsers.map((raw: unknown, index): EmulatorUserInput => {
    const at = `users[${index}]`
    if (!isPlainObject(raw)) return fail(at, 'must be an object (email, username, firstName, …).')
    for (const key of Object.keys(raw)) {
      if (!(USER_FIELDS as readonly string[]).includes(key)) fail(`${at}.${key}`, `unknown field${suggestion(key)}; known: ${USER_FIELDS.join(', ')}.`)
    }
    const text = (field: (typeof USER_FIELDS)[number]): string | undefined => {
      const v = raw[field]
      if (v === undefined || v === null) return undefined
      if (typeof v !== 'string' || v === '') fail(`${at}.${field}`, 'must be a non-empty string.')
      return v as string
    }
    const metadata = (field: 'publicMetadata' | 'privateMetadata' | 'unsafeMetadata'): Record<string, unknown> | undefined => {
      const v = raw[field]
      if (v === undefined || v === null) return undefined
      if (!isPlainObject(v)) fail(`${at}.${field}`, 'must be an object (a map of keys to values).')
      return v as Record<string, unknown>
    }

    const user: EmulatorUserInput = {}
    const id = text('id')
    if (id !== undefined) {
      if (!USER_ID.test(id)) fail(`${at}.id`, 'must look like user_<letters, digits, "-" or "_"> (at most 64 after "user_").')
      claim('id', id, index, `${at}.id`)
      user.id = id
    }
    const email = text('email')
    if (email !== undefined) {
      if (!EMAIL.test(email)) fail(`${at}.email`, `"${email}" is not an email address.`)
      claim('email', email, index, `${at}.email`)
      user.email = email
    }
    const extra = raw.additionalEmails
    if (extra !== undefined && extra !== null) {
      if (!Array.isArray(extra)) fail(`${at}.additionalEmails`, 'must be a list of email addresses.')
      user.additionalEmails = (extra as unknown[]).map((address, i) => {
        const where = `${at}.additionalEmails[${i}]`
        if (typeof address !== 'string' || !EMAIL.test(address)) return fail(where, 'must be an email address.')
        claim('email', address, index, where)
        return address
      })
      if (user.additionalEmails.length > 0 && user.email === undefined) fail(`${at}.email`, 'is required when additionalEmails is given (it is the primary address).')
    }
    const username = text('username')
    if (username !== undefined) {
      if (!USERNAME.test(username)) fail(`${at}.username`, 'must be 4-64 characters of letters, digits, "-" or "_".')
      claim('username', username, index, `${at}.username`)
      user.username = username
    }
    if (user.email === undefined && user.username === undefined) fail(at, 'needs an email or a username (what the user signs in with).')
    const firstName = text('firstName')
    if (firstName !== undefined) user.firstName = firstName
    const lastName = text('lastName')
    if (lastName !== undefined) user.lastName = lastName
    const password = text('password')
    if (password !== undefined) user.password = password
    const publicMetadata = metadata('publicMetadata')
    if (publicMetadata) user.publicMetadata = publicMetadata
    const privateMetadata = metadata('privateMetadata')
    if (privateMetadata) user.privateMetadata = privateMetadata
    const unsafeMetadata = metadata('unsafeMetadata')
    if (unsafeMetadata) user.unsafeMetadata = unsafeMetadata
    return user
  })
  return { users }
}
