import { readFileSync } from 'node:fs'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { EXIT } from './cli-error.js'
import { end } from './commands/end.js'
import { mint } from './commands/mint.js'
import { revoke } from './commands/revoke.js'
import { run } from './commands/run.js'
import { sessions } from './commands/sessions.js'
import { signIn } from './commands/sign-in.js'
import { token } from './commands/token.js'
import { loadDotEnv } from './config.js'
import { describeFailure } from './failure.js'

function positive(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('must be a positive whole number.')
  return number
}

const ENVIRONMENT = `
Environment (or .env in the working folder):
  CLERK_SECRET_KEY      Clerk secret key (sk_test_…; sk_live_… only with --live)
  CLERK_API_URL         Clerk Backend API URL (the offline emulator's, in tests)
  AGENT_TASKS_EMULATOR_PORT  which emulator, when several run (see below)
  APP_URL               the app's origin, so --redirect/--url/--start accept a path
  CHROMIUM_PATH         the Chromium sign-in launches (default /usr/bin/chromium, else Playwright's)
  BROWSER_USE_API_KEY   Browser Use Cloud key (run)
  BROWSER_USE_BASE_URL  Browser Use API base URL (the offline emulator's, in tests)
A key and its API URL must be set in the same place (both in the environment or both in .env);
a URL other than the default is named on stderr with the key's prefix.
Without CLERK_SECRET_KEY, the Clerk emulator that \`agent-tasks-emulator run\` (npm start of a
template) runs in this folder or a parent is used, found through its
node_modules/.cache/agent-tasks-emulator/<port>.json; of several, the one on
AGENT_TASKS_EMULATOR_PORT, else on 4010.

Exit codes: 0 done, 1 Clerk or Browser Use failed, 2 bad command line, 3 missing or refused
configuration, 4 the agent's task did not succeed, 130 interrupted.`

/** This package's version, from its package.json (beside `src/` and `dist/` alike). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
}

function program(setExit: (code: number) => void): Command {
  const live = () => new Option('--live', 'allow a production (sk_live_) Clerk key')
  const json = () => new Option('--json', 'print JSON on stdout, for scripts')
  const cli = new Command('agent-tasks')
    .description('Mint and end Clerk agent-task links and agents’ sessions, get a user’s session token, and run Browser Use agents signed in as a user.')
    .version(version(), '-v, --version', 'print the version')
    .addHelpText('after', ENVIRONMENT)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')

  cli
    .command('mint')
    .description('mint a one-time link that signs a user in; the link alone on stdout')
    .requiredOption('-u, --user <who>', 'the user: email, username or user ID')
    .option('-r, --redirect <url>', 'where the link lands: a URL, or a path of APP_URL')
    .option('-d, --duration <seconds>', 'longest session the link opens', positive)
    .option('-a, --agent <name>', 'agent name (Clerk derives the agent ID from it)')
    .option('--description <text>', 'what the agent is for')
    .addOption(json())
    .addOption(live())
    .action(async (options) => mint(options))

  cli
    .command('revoke')
    .description('revoke an unused link; for a used one, end the session it opened (needs --user)')
    .argument('<agentTaskId>', 'the agent task ID (agt_…)')
    .option('-u, --user <who>', 'the user the link signs in')
    .addOption(json())
    .addOption(live())
    .action(async (agentTaskId, options) => revoke(agentTaskId, options))

  cli
    .command('sessions')
    .description('list the agent sessions of a user (active ones; --all for every one)')
    .requiredOption('-u, --user <who>', 'the user: email, username or user ID')
    .option('--all', 'include ended sessions')
    .addOption(json())
    .addOption(live())
    .action(async (options) => sessions(options))

  cli
    .command('end')
    .description('the kill switch: end every active agent session of a user')
    .requiredOption('-u, --user <who>', 'the user: email, username or user ID')
    .addOption(json())
    .addOption(live())
    .action(async (options) => end(options))

  cli
    .command('sign-in')
    .description('sign a headless Chromium in as a user through a link and save its Playwright storage state; the file’s path alone on stdout')
    .requiredOption('-u, --user <who>', 'the user: email, username or user ID')
    .requiredOption('--storage-state <file>', 'where to write the storage state (JSON, mode 0600)')
    .option('--url <url>', 'where the link lands: a URL, or a path of APP_URL')
    .option('-d, --duration <seconds>', 'longest session the link opens', positive)
    .option('--description <text>', 'what the agent is for')
    .addOption(json())
    .addOption(live())
    .action(async (options) => signIn(options))

  cli
    .command('token')
    .description('a session token for the user, for curl and scripts (Authorization: Bearer); the token alone on stdout')
    .requiredOption('-u, --user <who>', 'the user: email, username or user ID')
    .option('--expires-in <seconds>', "the token's lifetime (default: the instance's, 60 s)", positive)
    .addOption(json())
    .addOption(live())
    .action(async (options) => token(options))

  cli
    .command('run')
    .description('send a Browser Use agent into the app signed in as a user, follow it, end its access after')
    .requiredOption('-u, --user <who>', 'the user: email, username or user ID')
    .requiredOption('-t, --task <text>', 'what the agent should do')
    .option('-s, --start <url>', 'where the agent starts: a URL, or a path of APP_URL')
    .option('--max-steps <n>', 'most steps the agent may take', positive)
    .option('--timeout <seconds>', 'longest the run may take (default 600)', positive)
    .option('--llm <model>', 'Browser Use model')
    .addOption(json())
    .addOption(live())
    .action(async (options) => setExit(await run(options)))
  return cli
}

/** Runs the CLI on `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  loadDotEnv()
  let code: number = EXIT.ok
  try {
    await program((exit) => {
      code = exit
    }).parseAsync([...argv], { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    const failure = describeFailure(error)
    process.stderr.write(`agent-tasks: ${failure.message}\n`)
    return failure.exitCode
  }
}
