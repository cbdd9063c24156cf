import type { IncomingMessage } from 'node:http'
import type { EmulatorContext } from '../context.js'
import { ApiError, errors } from '../http/errors.js'
import { sendJson } from '../http/io.js'
import type { Route } from '../http/router.js'
import { exportSnapshot, importSnapshot, SnapshotError } from '../state/snapshot.js'

/** Snapshots can be larger than the Backend API's 1 MiB bodies. */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024

async function readSnapshotBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_SNAPSHOT_BYTES) throw ApiError.of(413, 'request_body_too_large', 'request body too large', 'A snapshot may be at most 64 MiB.')
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw errors.malformedBody()
  }
}

function resetAll(ctx: EmulatorContext): void {
  if (ctx.admin) ctx.admin.reset()
  else ctx.store.reset()
}

/**
 * Emulator-only endpoints, like the Backend API behind `Authorization: Bearer <secret key>`, for tests
 * in another process: reset, export and import the state.
 */
export const stateRoutes: Route[] = [
  {
    method: 'POST',
    path: '/_emulator/reset',
    kind: 'bapi',
    handler(ctx, { res }) {
      resetAll(ctx)
      sendJson(res, 200, { object: 'emulator_state', reset: true })
    },
  },
  {
    method: 'GET',
    path: '/_emulator/state',
    kind: 'bapi',
    handler(ctx, { res }) {
      sendJson(res, 200, exportSnapshot(ctx.store, ctx.instance), { 'Cache-Control': 'no-store' })
    },
  },
  {
    method: 'PUT',
    path: '/_emulator/state',
    kind: 'bapi',
    async handler(ctx, { req, res }) {
      const body = await readSnapshotBody(req)
      try {
        const imported = importSnapshot(ctx.store, body)
        sendJson(res, 200, { object: 'emulator_state', imported })
      } catch (error) {
        if (!(error instanceof SnapshotError)) throw error
        throw ApiError.of(422, 'snapshot_invalid', 'is invalid', error.message, { param_name: error.path })
      }
    },
  },
]
