// The production server (`npm start`): TanStack Start builds a fetch handler (dist/server/server.js) that
// opens no port; srvx serves it on Node with the browser assets from dist/client, on HOST (default
// 127.0.0.1) and PORT (default 3000). srvx's own CLI would do the same but logs every request URL, and
// the URLs of Clerk's handshake carry credentials.
import { serve } from 'srvx'
import { staticMiddleware } from 'srvx/static'
import start from './dist/server/server.js'

const hostname = process.env.HOST ?? '127.0.0.1'
const server = serve({
  fetch: start.fetch,
  hostname,
  port: Number(process.env.PORT ?? 3000),
  middleware: [staticMiddleware({ dir: new URL('./dist/client', import.meta.url).pathname })],
  gracefulShutdown: true,
  // No banner of srvx's own: the one line below says where the app is.
  silent: true,
})
await server.ready()
console.warn(`TanStack Start sample app listening on ${server.url ?? `http://${hostname}:${process.env.PORT ?? 3000}`}`)
