import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { startLongRunning, waitUntilAnswering } from './app-process.ts'
import { emulatorRunFor } from './emulator-connection.ts'
import { freePort } from './free-port.ts'
import { lastLines, runCommand } from './run-command.ts'
import { personSignIn, seedGuideSignIn } from './sign-in.ts'
import { type PublicPackage, REPO_ROOT } from './workspace.ts'

/** The templates issue #17 promises; create-agent-tasks may ship more, never fewer. */
const PROMISED = ['express', 'fastify', 'nextjs', 'react-router', 'tanstack-react-start', 'astro', 'nuxt']

/** The templates create-agent-tasks ships: the folders its build wrote under templates/. */
export function templateNames(creator: PublicPackage): string[] {
  const dir = join(creator.dir, 'templates')
  let names: string[]
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  } catch {
    throw new Error(`${dir} is missing: build create-agent-tasks first (pnpm --filter create-agent-tasks build)`)
  }
  const missing = PROMISED.filter((name) => !names.includes(name))
  if (missing.length > 0) throw new Error(`create-agent-tasks ships no ${missing.join(', ')} template (${dir} has ${names.join(', ') || 'none'})`)
  return names
}

export interface TemplateCheckContext {
  creatorVersion: string
  /** Parent folder of the apps (outside the repository). */
  workDir: string
  env: NodeJS.ProcessEnv
  say(line: string): void
}

/** The user `agent-tasks-emulator run` seeds when given none, whom the seed guide signs in as. */
const ADA = 'ada@example.com'

const MINUTE = 60_000

/** Templates whose built pages load part of Clerk's UI from the emulator's https side (see checkApp). */
const NEEDS_EMULATOR_CA: ReadonlySet<string> = new Set(['astro'])

/**
 * One template as a user meets it: `npm create agent-tasks@<version> <dir> -- --template <name> --yes`,
 * `npm install`, `npm run build` where it builds, `npm start` with no Clerk keys (so on the emulator
 * `agent-tasks-emulator run` starts: the home page answers 200), and against that app Clerk's seed guide
 * (mint a link with @clerk/backend with the key from the emulator's connection file, open it in Chromium,
 * the header says "Welcome"), then its typecheck. Build and start use one emulator port, as a user's
 * build and later start do (the values a build inlines name it).
 */
export async function checkTemplate(name: string, context: TemplateCheckContext): Promise<void> {
  const { workDir, say } = context
  mkdirSync(workDir, { recursive: true })
  const folder = `${name}-app`
  const appDir = join(workDir, folder)
  const emulatorPort = await freePort()
  // No Clerk keys: `agent-tasks-emulator run` starts the emulator, on this port rather than the fixed default (two templates run at once).
  const env = { ...context.env, AGENT_TASKS_EMULATOR_PORT: String(emulatorPort) }
  await runCommand('npm', ['create', `agent-tasks@${context.creatorVersion}`, folder, '--', '--template', name, '--yes'], { cwd: workDir, env, timeoutMs: 15 * MINUTE })
  say(`npm create agent-tasks@${context.creatorVersion} ${folder} -- --template ${name} --yes`)
  await checkApp(name, appDir, env, emulatorPort, say)
}

/**
 * `apps/<name>` copied out of the repository as a user copies a folder (the files git tracks, nothing
 * else), then the same as a created app: npm alone installs, builds, starts and signs in with it.
 */
export async function checkCopiedApp(name: string, context: Omit<TemplateCheckContext, 'creatorVersion'>): Promise<void> {
  const { workDir, say } = context
  const source = join(REPO_ROOT, 'apps', name)
  const appDir = join(workDir, `${name}-copy`)
  const tracked = execFileSync('git', ['ls-files', '-z', '.'], { cwd: source, encoding: 'utf8' }).split('\0').filter(Boolean)
  if (tracked.length === 0) throw new Error(`git tracks no files under ${source}`)
  for (const file of tracked) {
    mkdirSync(dirname(join(appDir, file)), { recursive: true })
    copyFileSync(join(source, file), join(appDir, file))
  }
  say(`copied the ${tracked.length} files git tracks in apps/${name} to ${appDir}`)
  const emulatorPort = await freePort()
  await checkApp(name, appDir, { ...context.env, AGENT_TASKS_EMULATOR_PORT: String(emulatorPort) }, emulatorPort, say)
}

/** install, build where it builds, start on the emulator, the seed guide's sign-in, a person's sign-in with Clerk's <SignIn />, typecheck. */
async function checkApp(name: string, appDir: string, env: NodeJS.ProcessEnv, emulatorPort: number, say: (line: string) => void): Promise<void> {
  const run = (args: string[], cwd: string, timeoutMs: number) => runCommand('npm', args, { cwd, env, timeoutMs })
  await run(['install'], appDir, 15 * MINUTE)
  say('npm install')

  const scripts = (JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {}
  if (scripts.build) {
    await run(['run', 'build'], appDir, 15 * MINUTE)
    say('npm run build')
  }
  if (!scripts.start) throw new Error(`the ${name} template has no start script`)

  const appPort = await freePort()
  const appUrl = `http://127.0.0.1:${appPort}`
  const app = startLongRunning('npm', ['start'], appDir, { ...env, PORT: String(appPort), HOST: '127.0.0.1' })
  try {
    await waitUntilAnswering(appUrl, app, 'npm start', 3 * MINUTE)
    const home = await fetch(appUrl, { signal: AbortSignal.timeout(30_000) })
    if (home.status !== 200) throw new Error(`GET / answered ${home.status} (npm start with no Clerk keys)`)
    say(`npm start with no Clerk keys: GET / → 200 (on the emulator run started on port ${emulatorPort})`)
    const emulator = await emulatorRunFor(appDir, emulatorPort)
    const header = await seedGuideSignIn({ ...emulator, appUrl, identifier: ADA })
    say(`seed guide: minted with @clerk/backend, opened the link in Chromium; <header>: "${header}"`)
    // @clerk/astro reads the UI bundle's URL in the browser only from the build (PUBLIC_CLERK_UI_URL), so a
    // production build loads it from https://<proxy host>: its README says to trust the emulator's CA once.
    const trustEmulatorCa = NEEDS_EMULATOR_CA.has(name)
    const person = await personSignIn(appUrl, ADA, { trustEmulatorCa })
    say(`a person signed in with Clerk's <SignIn /> (password from run's start-up line${trustEmulatorCa ? ', the emulator CA trusted' : ', trusting nothing'}), no console error; <header>: "${person}"`)
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- npm start printed:\n${lastLines(app.output())}`)
  } finally {
    await app.stop()
  }

  if (!scripts.typecheck) throw new Error(`the ${name} template has no typecheck script`)
  await run(['run', 'typecheck'], appDir, 10 * MINUTE)
  say('npm run typecheck')
  rmSync(appDir, { recursive: true, force: true })
}
