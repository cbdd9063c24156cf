import { HELP, parseCli } from './cli-args.js'
import { startEmulator } from './emulator.js'
import { formatEnvLines } from './env.js'
import type { EmulatorOptions } from './types.js'

/** CLI entry: prints env lines to stdout, a status line to stderr, runs until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let options: EmulatorOptions | 'help'
  try {
    options = parseCli(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`agent-tasks-emulator: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`)
    process.exit(2)
  }
  if (options === 'help') {
    process.stdout.write(HELP)
    return
  }
  const emulator = await startEmulator(options)
  process.stdout.write(`${formatEnvLines(emulator.env)}\n`)
  const users = emulator.users.list().length
  process.stderr.write(
    `agent-tasks-emulator: Clerk ${emulator.instance} emulator listening on ${emulator.url} (${users} user${users === 1 ? '' : 's'}); sign-in page ${emulator.signInUrl}. Ctrl+C to stop.\n`,
  )
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`agent-tasks-emulator: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
