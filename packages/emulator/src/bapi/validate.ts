import { errors } from '../http/errors.js'

/** Rejects keys not in `allowed`, like Clerk's strict form parsing. `prefix` names nested params (`on_behalf_of.`). */
export function rejectUnknown(body: Record<string, unknown>, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw errors.paramUnknown(`${prefix}${key}`)
  }
}

export function requiredString(body: Record<string, unknown>, key: string, prefix = ''): string {
  const value = body[key]
  if (value === undefined || value === null || value === '') throw errors.paramMissing(`${prefix}${key}`)
  if (typeof value !== 'string') throw errors.paramInvalid(`${prefix}${key}`, 'must be a string.')
  return value
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw errors.paramInvalid(key, 'must be a string.')
  return value
}

export function optionalObject(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw errors.paramInvalid(key, 'must be an object.')
  return value as Record<string, unknown>
}

/** Query parameter list (`?email_address=a&email_address=b`), also accepting comma-free single values. */
export function queryList(url: URL, key: string): string[] {
  return url.searchParams.getAll(key).filter((v) => v !== '')
}

export function queryInt(url: URL, key: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(key)
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw errors.paramInvalid(key, 'must be a non-negative integer.')
  return Math.min(n, max)
}
