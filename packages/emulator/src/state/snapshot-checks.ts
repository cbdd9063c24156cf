/** Small structural checks for imported JSON; each throws {@link SnapshotError} naming the path (`users[0].id`). */

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError'
  constructor(
    /** Where in the snapshot: `users[2].passwordHash`, or `` for the whole document. */
    readonly path: string,
    detail: string,
  ) {
    super(`snapshot: ${path ? `${path}: ` : ''}${detail}`)
  }
}

export type Check<T> = (value: unknown, path: string) => T

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export const str: Check<string> = (v, path) => {
  if (typeof v !== 'string' || v === '') throw new SnapshotError(path, 'must be a non-empty string.')
  return v
}

export const time: Check<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new SnapshotError(path, 'must be a time in Unix milliseconds.')
  return v
}

export const positiveInt: Check<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new SnapshotError(path, 'must be a positive integer.')
  return v
}

export const json: Check<Record<string, unknown>> = (v, path) => {
  if (!isPlainObject(v)) throw new SnapshotError(path, 'must be an object.')
  return v
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? null : check(v, path))
}

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new SnapshotError(path, `must be one of ${values.join(', ')}.`)
    return v as T
  }
}

export function pattern(re: RegExp, what: string): Check<string> {
  return (v, path) => {
    if (typeof v !== 'string' || !re.test(v)) throw new SnapshotError(path, `must be ${what}.`)
    return v
  }
}

export function listOf<T>(check: Check<T>): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) throw new SnapshotError(path, 'must be a list.')
    return v.map((item, i) => check(item, `${path}[${i}]`))
  }
}

/** Optional-key marker for {@link record}: the key may be absent (never `null`). */
export interface Optional<T> {
  optional: Check<T>
}
export const optional = <T>(check: Check<T>): Optional<T> => ({ optional: check })

type Shape<T> = { [K in keyof T]-?: undefined extends T[K] ? Optional<Exclude<T[K], undefined>> : Check<T[K]> }

/**
 * An object with exactly the keys of `shape` (an optional key may be absent). `Shape<T>` makes the
 * compiler list every field of the record type, so a field added to a record must be added here too.
 */
export function record<T>(shape: Shape<T>): Check<T> {
  return (v, path) => {
    if (!isPlainObject(v)) throw new SnapshotError(path, 'must be an object.')
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(v)) {
      if (!(key in shape)) throw new SnapshotError(path ? `${path}.${key}` : key, 'unknown field.')
    }
    for (const [key, check] of Object.entries(shape) as Array<[string, Check<unknown> | Optional<unknown>]>) {
      const where = path ? `${path}.${key}` : key
      if (typeof check === 'function') {
        if (!(key in v)) throw new SnapshotError(where, 'is missing.')
        out[key] = check(v[key], where)
      } else if (v[key] !== undefined) {
        out[key] = check.optional(v[key], where)
      }
    }
    return out as T
  }
}
