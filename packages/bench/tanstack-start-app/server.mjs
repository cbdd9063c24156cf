// Serves the built fetch handler with srvx, as apps/tanstack-react-start does (srvx's CLI would log
// every request, which the bench would then measure).
import { serve } from 'srvx'
import start from './dist/server/server.js'

const server = serve({
  fetch: start.fetch,
  hostname: '127.0.0.1',
  port: Number(process.env.PORT),
  silent: true,
})
await server.ready()
