import type { AgentTaskRecord } from '@agent-tasks/core'

/**
 * A record is kept as a Redis hash: one field per property, its value that property's JSON as written
 * by `JSON.stringify`. Lua never decodes JSON (its `cjson` refuses the `\ud83d` escape `JSON.stringify`
 * writes for a lone surrogate, turns empty arrays into `{}` and rounds large numbers): scripts compare
 * and copy these strings as bytes, and only JavaScript parses them, so every string comes back exactly.
 */

/** The order properties are read back in, as core builds a record; properties it does not know follow. */
const ORDER: readonly (keyof AgentTaskRecord)[] = [
  'agentTaskId',
  'agentId',
  'agentName',
  'ownerUserId',
  'subjectUserId',
  'subjectIdentifier',
  'taskDescription',
  'redirectUrl',
  'sessionMaxDurationInSeconds',
  'status',
  'createdAt',
  'expiresAt',
  'usedAt',
  'revokedAt',
  'sessions',
  'scope',
]

/** The hash fields of a record or patch: `[name, JSON, name, JSON, …]` for every property with a value. */
export function toFields(values: object): string[] {
  const fields: string[] = []
  for (const [name, value] of Object.entries(values)) if (value !== undefined) fields.push(name, JSON.stringify(value))
  return fields
}

/** The properties a patch removes (given as `undefined`, as `{ ...record, ...patch }` would leave them). */
export function removedFields(values: object): string[] {
  return Object.entries(values)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name)
}

/** A status as its hash field holds it, for the scripts to compare. */
export const statusField = (status: string): string => JSON.stringify(status)

/** One field's JSON in a hash read as `[name, JSON, …]`, as stored (byte for byte). */
export function fieldOf(flat: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i] === name) return flat[i + 1]
  return undefined
}

/** The record in a hash read as `[name, JSON, …]` (`HGETALL` in a script); `undefined` when there is none. */
export function fromFields(flat: readonly string[]): AgentTaskRecord | undefined {
  if (flat.length === 0) return undefined
  const values = new Map<string, unknown>()
  for (let i = 0; i + 1 < flat.length; i += 2) values.set(flat[i] as string, JSON.parse(flat[i + 1] as string))
  const record: Record<string, unknown> = {}
  for (const name of ORDER) if (values.has(name)) record[name] = values.get(name)
  for (const [name, value] of values) if (!(name in record)) record[name] = value
  return record as unknown as AgentTaskRecord
}
