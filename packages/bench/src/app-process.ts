import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { captureOutput, exitOf, stopChild } from './child-process.ts'
import { processCpuMicros } from './process-cpu.ts'
import type { ListeningMessage } from './servers/routes.ts'

/** A bench server running in a child process. */
export interface AppProcess {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string
  /** The last few kB it printed. */
  output(): string
  /** CPU time it has used so far, in µs (`undefined` where the platform does not tell). */
  cpuMicros(): number | undefined
  close(): Promise<void>
}

/** Forks one of `servers/*-app.ts` with the emulator's environment; it sends its port once it listens. */
export async function forkServer(script: URL, env: Record<string, string>): Promise<AppProcess> {
  const profileDir = process.env.BENCH_CPU_PROF
  const child = fork(fileURLToPath(script), [], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    // A CPU profile of the server, written when it stops (see README "Profiling").
    execArgv: profileDir ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${profileDir}`] : process.execArgv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  const output = captureOutput(child)
  const listening = new Promise<ListeningMessage>((resolve) => child.once('message', (message) => resolve(message as ListeningMessage)))
  try {
    const { port } = await Promise.race([listening, exitOf(child, fileURLToPath(script), output)])
    return { origin: `http://127.0.0.1:${port}`, output, cpuMicros: () => processCpuMicros(child.pid), close: () => stopChild(child) }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}
