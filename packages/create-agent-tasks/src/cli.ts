import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import { type Answers, type Asking, answer, type Given } from './answers.js'
import { CreateError, EXIT } from './exit.js'
import { install } from './install.js'
import { nextSteps } from './next-steps.js'
import { detectPackageManager, PACKAGE_MANAGERS } from './package-manager.js'
import { scaffold } from './scaffold.js'
import { DEFAULT_DIRECTORY, packageNameFor } from './target-directory.js'
import { DEFAULT_TEMPLATE, TEMPLATE_LABELS, TEMPLATES } from './templates.js'
import { plainUi, terminalUi, type Ui } from './ui.js'

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version

const MORE_HELP = `
Templates:
${TEMPLATES.map((name) => `  ${name.padEnd(22)}${TEMPLATE_LABELS[name]}`).join('\n')}

On a terminal, what is missing is asked; --yes takes the defaults instead (./${DEFAULT_DIRECTORY},
--template ${DEFAULT_TEMPLATE}, the package manager running this). Without a terminal, the directory and
--template must be given (or --yes).

Examples:
  npm create agent-tasks@latest my-app -- --template nextjs
  npx create-agent-tasks my-app --template astro --no-install

Exit codes: 0 created, 1 unexpected failure (nothing left behind), 2 bad command line or a missing
answer without a terminal, 3 the directory exists and is not empty (nothing written), 4 created but
installing failed, 130 cancelled.`

interface Options {
  template?: Given['template']
  packageManager?: Given['packageManager']
  install: boolean
  yes?: boolean
}

function program(run: (directory: string | undefined, options: Options) => Promise<void>): Command {
  return new Command('create-agent-tasks')
    .description('Create an app with Clerk agent-task sign-in from one of the agent-tasks templates. It runs offline on the Clerk emulator until you set your Clerk keys.')
    .argument('[directory]', 'where to create the app: a new or empty directory; its name becomes the package name')
    .addOption(new Option('-t, --template <name>', 'the framework template').choices(TEMPLATES))
    .addOption(new Option('-p, --package-manager <name>', 'install with, and print commands for (default: the one running this)').choices(PACKAGE_MANAGERS))
    .option('--no-install', 'do not install dependencies')
    .option('-y, --yes', 'take the defaults for what is not given, without asking')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpText('after', MORE_HELP)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .action(run)
}

/** The command line `argv` (without node and the script), run to the end: its exit code. */
export async function main(argv: string[]): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY)
  const ui = interactive ? terminalUi : plainUi
  let code: number = EXIT.ok
  try {
    await program(async (directory, options) => {
      code = await create({ directory, ...options }, options.install, interactive, ui)
    }).parseAsync(argv, { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    if (error instanceof CreateError) {
      process.stderr.write(`create-agent-tasks: ${error.message}\n`)
      return error.exitCode
    }
    process.stderr.write(`create-agent-tasks: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT.failed
  }
}

async function create(given: Given, installing: boolean, interactive: boolean, ui: Ui): Promise<number> {
  const asking: Asking = given.yes ? 'defaults' : interactive ? 'ask' : 'refuse'
  if (interactive) ui.begin(`create-agent-tasks ${VERSION}`)
  const answers = await answer(given, asking, detectPackageManager(process.env.npm_config_user_agent))
  const name = packageNameFor(answers.directory)
  const target = resolve(answers.directory)
  const { scripts } = await scaffold(answers.template, target, name)
  ui.info(`Created ${name} in ${target} from the ${answers.template} template.`)
  if (!installing) return finish(ui, answers, false, scripts)
  const installed = await install(answers.packageManager, target, ui)
  if (installed.ok) return finish(ui, answers, true, scripts)
  if (installed.output.trim()) process.stderr.write(`\n${installed.output.trimEnd()}\n\n`)
  process.stderr.write(`create-agent-tasks: ${installed.reason}. The app is in ${target}; install its dependencies there yourself.\n`)
  finish(ui, answers, false, scripts)
  return installed.interrupted ? EXIT.cancelled : EXIT.installFailed
}

function finish(ui: Ui, answers: Answers, installed: boolean, scripts: Record<string, string>): number {
  ui.finish(
    'Next steps',
    nextSteps(answers.directory, answers.packageManager, installed, scripts),
    'With no Clerk keys set it runs on the offline Clerk emulator: sign in as ada@example.com, password agent-tasks-demo. README.md says how to use your Clerk instance.',
  )
  return EXIT.ok
}
