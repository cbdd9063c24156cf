import { existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { CliError, EXIT } from './cli-error.js'
import { runningEmulator } from './emulator.js'
import { io } from './io.js'

export interface CliConfig {
  secretKey: string
  apiUrl: string | undefined
}

/** The names whose value came from `.env` (the others, if set, from the environment). */
const fromDotEnv = new Set<string>()

/** Reads `.env` from the working folder, if any, without overriding what the environment already says. */
export function loadDotEnv(): void {
  fromDotEnv.clear()
  if (!existsSync('.env')) return
  for (const [name, value] of Object.entries(parseEnv(readFileSync('.env', 'utf8')))) {
    if (value === undefined || process.env[name] !== undefined) continue
    process.env[name] = value
    fromDotEnv.add(name)
  }
}

const sourceOf = (name: string) => (fromDotEnv.has(name) ? '.env' : 'the environment')

/** `sk_test_…`, `bu_…`: enough to tell which key it is, nothing of its secret part. */
function keyPrefix(key: string): string {
  return `${/^[A-Za-z]+_(?:test_|live_)?/.exec(key)?.[0] ?? ''}…`
}

interface KeyedService {
  service: string
  keyName: string
  urlName: string
  defaultOrigin: string
}

/**
 * The API URL a key is sent to, refusing one set elsewhere than the key: a `.env` in the working
 * folder that sets only the URL must not redirect a key exported in the shell (nor the reverse).
 * Says on stderr which host is called, and with which kind of key, when it is not the default.
 */
function apiUrlFor(key: string, { service, keyName, urlName, defaultOrigin }: KeyedService): string | undefined {
  const url = process.env[urlName] || undefined
  if (url === undefined) return undefined
  if (sourceOf(keyName) !== sourceOf(urlName)) {
    throw new CliError(
      `${keyName} comes from ${sourceOf(keyName)} but ${urlName} from ${sourceOf(urlName)}: a key is only sent to an API URL set in the same place. Set both in the environment or both in .env (or remove ${urlName} to call ${defaultOrigin}).`,
      EXIT.config,
    )
  }
  if (!URL.canParse(url)) throw new CliError(`${urlName} is not a URL.`, EXIT.config)
  const { origin } = new URL(url)
  if (origin !== defaultOrigin) io.info(`agent-tasks: calling ${service} at ${origin} (${urlName} from ${sourceOf(urlName)}) with ${keyName} ${keyPrefix(key)}`)
  return url
}

/**
 * The Clerk settings, refusing a production key unless `--live` was given: `CLERK_SECRET_KEY` (and
 * `CLERK_API_URL`) from the environment or `.env`; without a key, the emulator that
 * `agent-tasks-emulator run` runs for the project in the working folder, if any.
 */
export async function clerkConfig(live: boolean): Promise<CliConfig> {
  const secretKey = process.env.CLERK_SECRET_KEY
  if (!secretKey) return emulatorConfig(live)
  if (!/^sk_(test|live)_/.test(secretKey)) throw new CliError('CLERK_SECRET_KEY does not look like a Clerk secret key (sk_test_… or sk_live_…).', EXIT.config)
  if (secretKey.startsWith('sk_live_') && !live) {
    throw new CliError('CLERK_SECRET_KEY is a production (sk_live_) key: these commands act on real users. Add --live if you mean it.', EXIT.config)
  }
  const apiUrl = apiUrlFor(secretKey, { service: 'Clerk', keyName: 'CLERK_SECRET_KEY', urlName: 'CLERK_API_URL', defaultOrigin: 'https://api.clerk.com' })
  return { secretKey, apiUrl }
}

/** The key and URL of the emulator `agent-tasks-emulator run` runs for this project: both from its connection file. */
async function emulatorConfig(live: boolean): Promise<CliConfig> {
  const emulator = await runningEmulator(process.cwd(), process.env)
  if (emulator === undefined) {
    throw new CliError(
      'CLERK_SECRET_KEY is not set: export it, or put it in .env (sk_test_… from the Clerk Dashboard, API keys). ' +
        'Or start your app on the Clerk emulator with `agent-tasks-emulator run` (`npm start` in a template) in this folder, and run this command in it again.',
      EXIT.config,
    )
  }
  const started = `the Clerk emulator started by \`agent-tasks-emulator run\` at ${emulator.url}`
  const otherUrl = process.env.CLERK_API_URL
  if (otherUrl && (!URL.canParse(otherUrl) || new URL(otherUrl).origin !== new URL(emulator.apiUrl).origin)) {
    throw new CliError(
      `CLERK_API_URL is set in ${sourceOf('CLERK_API_URL')} without CLERK_SECRET_KEY, and is not ${started}: unset CLERK_API_URL to use the emulator, or set CLERK_SECRET_KEY with it.`,
      EXIT.config,
    )
  }
  if (emulator.secretKey.startsWith('sk_live_') && !live) {
    throw new CliError(`${started} is a production instance (sk_live_ key): add --live if you mean it.`, EXIT.config)
  }
  io.info(`agent-tasks: using ${started} (no CLERK_SECRET_KEY in the environment or .env)`)
  return { secretKey: emulator.secretKey, apiUrl: emulator.apiUrl }
}

export interface BrowserUseConfig {
  apiKey: string
  baseUrl: string | undefined
}

export function browserUseConfig(): BrowserUseConfig {
  const apiKey = process.env.BROWSER_USE_API_KEY
  if (!apiKey) throw new CliError('BROWSER_USE_API_KEY is not set: export it, or put it in .env (from cloud.browser-use.com, API keys).', EXIT.config)
  const baseUrl = apiUrlFor(apiKey, {
    service: 'Browser Use',
    keyName: 'BROWSER_USE_API_KEY',
    urlName: 'BROWSER_USE_BASE_URL',
    defaultOrigin: 'https://api.browser-use.com',
  })
  return { apiKey, baseUrl }
}
