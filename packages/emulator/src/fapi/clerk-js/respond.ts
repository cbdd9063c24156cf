import type { EmulatorContext } from '../../context.js'
import { sendJson } from '../../http/io.js'
import type { RequestInfo } from '../../http/router.js'
import type { ClientRecord } from '../../state/records.js'
import { findClient, pageOrigin } from './browser-client.js'
import { clientJson } from './serialize-client.js'

/**
 * Answers as Clerk's Frontend API does: `{ response, client }`, the browser's client piggybacked on every
 * response so clerk-js updates `Clerk.client` (and so the session cookies) from any call.
 */
export function sendWithClient(
  ctx: EmulatorContext,
  request: RequestInfo,
  response: unknown,
  client: ClientRecord | undefined = findClient(ctx, request),
  status = 200,
): void {
  const piggyback = client ? clientJson(ctx, client, pageOrigin(request)) : null
  sendJson(request.res, status, { response, client: piggyback }, { 'Cache-Control': 'no-store' })
}
