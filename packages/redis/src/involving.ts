import type { AgentTaskListFilter, AgentTaskRecord } from '@agent-tasks/core'

/**
 * The links that concern a user: minted by them, or minted for them by anyone (by user ID, or by one of
 * their `identifiers`: email addresses, phone numbers, username, compared lower-cased). The shape of
 * core's `AgentTaskListFilter.involving`, declared here too so this store reads it whichever core it runs with.
 */
export interface Involving {
  userId: string
  identifiers?: readonly string[]
}

/** The filter's `involving`, and the rest of the filter (for core's `matchesFilter`, which may or may not know it). */
export function splitInvolving(filter: AgentTaskListFilter): { involving: Involving | undefined; rest: AgentTaskListFilter } {
  const { involving, ...rest } = filter as AgentTaskListFilter & { involving?: Involving }
  return { involving, rest }
}

/** An identifier as the identifier index names it. */
export const identifierKey = (identifier: string): string => identifier.toLowerCase()

/** Whether the record concerns the user: minted by them, or signing them in. */
export function involves(record: AgentTaskRecord, involving: Involving): boolean {
  if (record.ownerUserId === involving.userId || record.subjectUserId === involving.userId) return true
  if (record.subjectIdentifier === undefined) return false
  const identifier = identifierKey(record.subjectIdentifier)
  return (involving.identifiers ?? []).some((candidate) => identifierKey(candidate) === identifier)
}
