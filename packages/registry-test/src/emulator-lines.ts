import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { type LongRunning, startLongRunning } from './app-process.ts'
import { lastLines } from './run-command.ts'

export interface PrintedEmulator {
  /** The `KEY=value` lines it printed, parsed: what the app gets as its environment. */
  env: Record<string, string>
  stop(): Promise<void>
}

/**
 * Starts the `agent-tasks-emulator` the app installed (plain, no `run`): it prints every variable the
 * framework SDKs read as `KEY=value` lines, then says on stderr that it listens. Resolves to those lines.
 */
export async function startPrintedEmulator(appDir: string, port: number, user: string, env: NodeJS.ProcessEnv): Promise<PrintedEmulator> {
  const bin = join(appDir, 'node_modules', '.bin', 'agent-tasks-emulator')
  const emulator: LongRunning = startLongRunning(bin, ['--port', String(port), '--user', user], appDir, env)
  let stdout = ''
  emulator.child.stdout?.on('data', (chunk: string) => {
    stdout += chunk
  })
  const deadline = Date.now() + 30_000
  while (!/listening on/.test(emulator.output())) {
    if (emulator.child.exitCode !== null || Date.now() > deadline) {
      await emulator.stop()
      throw new Error(`agent-tasks-emulator did not start:\n${lastLines(emulator.output())}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const printed = parseEnv(stdout) as Record<string, string>
  for (const key of ['CLERK_SECRET_KEY', 'CLERK_API_URL']) {
    if (!printed[key]) {
      await emulator.stop()
      throw new Error(`agent-tasks-emulator printed no ${key}`)
    }
  }
  return { env: printed, stop: emulator.stop }
}
