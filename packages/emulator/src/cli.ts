import { type CliRequest, HELP, parseCli } from './cli-args.js'
import { formatEnvLines, sdkEnv } from './env.js'
import { EXIT } from './exit-codes.js'
import { startOrExplainPort } from './start-or-explain.js'
import { runCommand } from './run/run.js'
import { loadSeedFile } from './seed/load.js'
import type { EmulatorOptions } from './types.js'
import { packageVersion } from './version.js'

const say = (line: string): void => {
  process.stderr.write(`agent-tasks-emulator: ${line}\n`)
}

/** Plain `agent-tasks-emulator`: prints env lines to stdout, a status line to stderr, runs until SIGINT/SIGTERM. */
async function serve(options: EmulatorOptions): Promise<void> {
  const emulator = await startOrExplainPort(options, say)
  if (emulator === undefined) process.exit(EXIT.portUnavailable)
  // Before printing: whoever reads the lines may stop us right away.
  const stop = () => {
    emulator.close().then(
      () => process.exit(EXIT.ok),
      () => process.exit(EXIT.error),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  process.stdout.write(`${formatEnvLines(sdkEnv(emulator.env))}\n`)
  const users = emulator.users.list().length
  say(
    `Clerk ${emulator.instance} emulator listening on ${emulator.url} (${users} user${users === 1 ? '' : 's'}); sign-in page ${emulator.signInUrl}. Ctrl+C to stop.`,
  )
  say(`inspector (one-time admin link, works once): ${emulator.createAdminLink()}; or curl -H "Authorization: Bearer $CLERK_SECRET_KEY" ${emulator.inspectorUrl}`)
}

async function main(): Promise<void> {
  let request: CliRequest
  try {
    request = parseCli(process.argv.slice(2), process.env)
  } catch (error) {
    process.stderr.write(`agent-tasks-emulator: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`)
    process.exit(EXIT.usage)
  }
  if ((request.kind === 'serve' || request.kind === 'run') && request.seedFile !== undefined) {
    try {
      request.options.seed = loadSeedFile(request.seedFile)
    } catch (error) {
      // Names the file, the entry and the field; the help text would only bury that.
      say(error instanceof Error ? error.message : String(error))
      process.exit(EXIT.usage)
    }
  }
  switch (request.kind) {
    case 'help':
      process.stdout.write(HELP)
      return
    case 'version':
      process.stdout.write(`${packageVersion()}\n`)
      return
    case 'serve':
      return serve(request.options)
    case 'run':
      process.exit(await runCommand(request, { cwd: process.cwd(), env: process.env, say }))
  }
}

main().catch((error: unknown) => {
  say(error instanceof Error ? error.message : String(error))
  process.exit(EXIT.error)
})
