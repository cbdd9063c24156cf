import { identifiersOf } from '../clerk/agent-sessions.js'
import type { InvolvingFilter } from '../store/types.js'
import type { LedgerDeps, SignedCall } from './ledger-deps.js'
import { type AgentTaskPage, encodeCursor, type ValidListQuery } from './list-query.js'
import { refreshRecords } from './refresh-records.js'

/**
 * The filter for the links that concern `userId`: minted by them, or minted by anyone for them — by
 * user ID or by one of their email addresses, phone numbers or username (read from Clerk).
 */
export async function involvingUser<Context>(deps: LedgerDeps<Context>, userId: string, call: SignedCall<Context>): Promise<InvolvingFilter> {
  const identifiers = await deps.clerk('list', call, (client) => identifiersOf(client, userId))
  return { userId, identifiers }
}

/** One page of the links that concern `userId` (minted by or for them), brought up to date with Clerk first. */
export async function listLinks<Context>(
  deps: LedgerDeps<Context>,
  userId: string,
  query: ValidListQuery,
  call: SignedCall<Context>,
): Promise<AgentTaskPage> {
  const page = await deps.resolved.store.list({
    involving: await involvingUser(deps, userId, call),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.after === undefined ? {} : { after: query.after }),
    limit: query.limit,
  })
  const refreshed = await refreshRecords(deps, page, call)
  const last = page.at(-1)
  return {
    // A link found used or expired just now leaves a `pending` page: the page may come out short.
    data: query.status === undefined ? refreshed : refreshed.filter((record) => record.status === query.status),
    nextCursor: page.length === query.limit && last ? encodeCursor(last) : null,
  }
}
