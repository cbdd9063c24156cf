import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

export interface RedisServer {
  url: string
  port: number
  /** Stops the server (SIGTERM: it writes its append-only file first) and waits for it to exit. */
  stop(): Promise<void>
  /** Starts it again on the same port, with the data it had. */
  start(): Promise<void>
  /** Stops it for good and deletes its data. */
  close(): Promise<void>
}

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server'

/** Debian's `redis-server` on 127.0.0.1 and a free port, its data in an append-only file in a temporary folder. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'agent-tasks-redis-'))
  let child: ChildProcess | undefined
  async function start(): Promise<void> {
    const proc = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--protected-mode', 'yes'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = proc
    let output = ''
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) resolve()
      }
      proc.stdout?.on('data', onData)
      proc.stderr?.on('data', onData)
      proc.once('error', (error) => reject(new Error(`could not start ${REDIS_SERVER} (./dev.sh test installs Debian's redis-server): ${error.message}`)))
      proc.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)))
    })
  }
  async function stop(): Promise<void> {
    const proc = child
    child = undefined
    if (!proc || proc.exitCode !== null) return
    proc.kill('SIGTERM')
    await once(proc, 'exit')
  }
  async function close(): Promise<void> {
    await stop()
    await rm(dir, { recursive: true, force: true })
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, stop, start, close }
}
