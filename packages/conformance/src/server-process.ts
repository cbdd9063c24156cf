import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** An app server the suite started in its own process. */
export interface ServerProcess {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string
  /** Everything it printed so far. */
  output(): string
  close(): Promise<void>
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface ServerCommand {
  /** Run with this process's Node. */
  args: string[]
  cwd: string
  env: Record<string, string>
  /** Where the server will answer once it is up. */
  origin: string
}

/** Starts a built app's server with Node and waits until it answers any request (30 s at most). */
export async function startServerProcess(command: ServerCommand): Promise<ServerProcess> {
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  const collect = (chunk: Buffer) => {
    printed += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const output = () => printed
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
    })
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.args.join(' ')} exited with code ${child.exitCode}:\n${output()}`)
    try {
      await fetch(`${command.origin}/agent-tasks-conformance-probe`, { signal: AbortSignal.timeout(2_000) })
      return { origin: command.origin, output, close }
    } catch {
      if (Date.now() > deadline) {
        await close()
        throw new Error(`${command.args.join(' ')} did not answer at ${command.origin}:\n${output()}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}
