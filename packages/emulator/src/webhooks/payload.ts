import { sessionJson, userJson } from '../serialize.js'
import type { UserRecord } from '../state/records.js'
import type { WebhookEventType } from '../types.js'
import type { HttpRequestAttributes } from './request-attributes.js'
import type { StoreEvent } from './store-events.js'

/** The body of a Clerk webhook, as Clerk sends it (and `verifyWebhook` from `@clerk/backend/webhooks` returns it). */
export interface WebhookPayload {
  data: Record<string, unknown>
  object: 'event'
  type: WebhookEventType
  /** Unix milliseconds. */
  timestamp: number
  instance_id: string
  event_attributes: { http_request: HttpRequestAttributes }
}

export interface PayloadContext {
  /** The emulator's URL (image URLs in user JSON). */
  baseUrl: string
  instanceId: string
  users: ReadonlyMap<string, UserRecord>
}

/** `user.deleted` carries only what identifies the user, as Clerk's does. */
function deletedUserJson(user: UserRecord): Record<string, unknown> {
  return { object: 'user', id: user.id, deleted: true, ...(user.externalId ? { external_id: user.externalId } : {}) }
}

/** The event's payload, read from the records now (they change later). Session events carry the session's user, as Clerk's do. */
export function payloadOf(event: StoreEvent, context: PayloadContext, httpRequest: HttpRequestAttributes): WebhookPayload {
  let data: Record<string, unknown>
  if ('session' in event) {
    const user = context.users.get(event.session.userId)
    data = { ...sessionJson(event.session), user: user ? userJson(user, context.baseUrl) : null }
  } else {
    data = event.type === 'user.deleted' ? deletedUserJson(event.user) : userJson(event.user, context.baseUrl)
  }
  return {
    data,
    object: 'event',
    type: event.type,
    timestamp: Date.now(),
    instance_id: context.instanceId,
    event_attributes: { http_request: httpRequest },
  }
}
