import { withTimeout } from '../clerk/with-timeout.js'
import { AgentTaskError } from '../errors.js'
import type { AgentTaskRecord } from '../store/types.js'
import type { LedgerDeps, SignedCall } from './ledger-deps.js'
import { loadLedgerOperations } from './load-operations.js'

function tooManyPending(max: number): AgentTaskError {
  return new AgentTaskError(
    'too_many_pending_links',
    `You already hold ${max} unused links, the most allowed. Revoke some, or use them, then mint again.`,
    { retryAfterSeconds: 60 },
  )
}

/**
 * Before Clerk is called: 429 when the owner holds `maxPending` unused links. At the limit, the
 * owner's unused links are first brought up to date with Clerk (some may have been used or expired).
 */
export async function ensurePendingRoom<Context>(deps: LedgerDeps<Context>, call: SignedCall<Context>): Promise<void> {
  const { store, limits } = deps.resolved
  const max = limits.maxPending
  if (max === undefined) return
  const owner = call.auth.userId
  if ((await store.countPending(owner)) < max) return
  const { refreshRecords } = await loadLedgerOperations()
  await refreshRecords(deps, await store.list({ ownerUserId: owner, status: 'pending', limit: max }), call)
  if ((await store.countPending(owner)) >= max) throw tooManyPending(max)
}

async function revokeUnrecorded<Context>(deps: LedgerDeps<Context>, agentTaskId: string): Promise<void> {
  try {
    await withTimeout(Promise.resolve().then(() => deps.resolved.getClerkClient().agentTasks.revoke(agentTaskId)), deps.resolved.clerkTimeoutMs)
  } catch {
    // The link still works and nothing here remembers it: say which, never the link itself.
    console.error(`[agent-tasks] could not record agent task ${agentTaskId}, nor revoke it: revoke it in the Clerk Dashboard.`)
  }
}

/**
 * Saves the record of a link just minted. A link without a record could not be listed or revoked
 * here, so when the store refuses it (full, down, or the owner's pending limit reached meanwhile by a
 * concurrent mint) the link is revoked at once and the caller told.
 */
export async function recordOrRevoke<Context>(deps: LedgerDeps<Context>, record: AgentTaskRecord): Promise<void> {
  const max = deps.resolved.limits.maxPending
  let saved: Awaited<ReturnType<typeof deps.resolved.store.save>>
  try {
    saved = await deps.resolved.store.save(record, max === undefined ? undefined : { maxPendingPerOwner: max })
  } catch (error) {
    await revokeUnrecorded(deps, record.agentTaskId)
    if (error instanceof AgentTaskError) throw error
    throw new AgentTaskError('store_unavailable', 'The link could not be recorded, so it was revoked. Try again.', { cause: error })
  }
  if (saved === 'limit_reached') {
    await revokeUnrecorded(deps, record.agentTaskId)
    throw tooManyPending(max as number)
  }
}
