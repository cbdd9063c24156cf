import type { Server as HttpServer } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net'
import type { ServerCertificate } from './server-certificate.js'

/** The first byte of a TLS connection: a handshake record. */
const TLS_HANDSHAKE = 0x16

export interface DualProtocolServer {
  /** The listening socket: both protocols share its port. */
  net: NetServer
  https: HttpsServer
  close(): Promise<void>
}

/**
 * Serves `http` (the request handler's own server) and https on one port: each connection's first byte
 * says which (a TLS handshake starts with 0x16, an HTTP request with a letter). The Backend API and Node
 * SDKs keep plain http; browsers reach the Frontend API and clerk-js over https at the host in the
 * publishable key, as Clerk's SDKs insist on.
 */
export function createDualProtocolServer(http: HttpServer, certificate: ServerCertificate): DualProtocolServer {
  const https = createHttpsServer({ cert: `${certificate.certPem}\n${certificate.caPem}`, key: certificate.keyPem })
  for (const listener of http.listeners('request')) https.on('request', listener as (...args: unknown[]) => void)
  // Every accepted socket, whichever server it went to: http.Server tracks connections only when it
  // listens itself (closeAllConnections is a no-op otherwise), and this one never does.
  const sockets = new Set<Socket>()
  const net = createNetServer((socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.once('error', () => socket.destroy())
    socket.once('data', (first: Buffer) => {
      socket.pause()
      socket.unshift(first)
      ;(first[0] === TLS_HANDSHAKE ? https : http).emit('connection', socket)
      process.nextTick(() => socket.resume())
    })
  })
  return {
    net,
    https,
    close: () =>
      new Promise<void>((resolve, reject) => {
        net.close((error) => (error ? reject(error) : resolve()))
        for (const socket of sockets) socket.destroy()
      }),
  }
}
