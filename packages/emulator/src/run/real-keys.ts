import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as util from 'node:util'

/** Names under which an SDK takes a real secret key: `@clerk/nuxt` reads only `NUXT_CLERK_SECRET_KEY`. */
export const SECRET_KEY_NAMES = ['CLERK_SECRET_KEY', 'NUXT_CLERK_SECRET_KEY'] as const

/** The env files the frameworks load in every mode, in the order they are checked. */
export const ENV_FILES = ['.env', '.env.local'] as const

/** Where a real secret key was found (its value is never kept). */
export interface RealKeyFound {
  name: (typeof SECRET_KEY_NAMES)[number]
  /** `'environment'` or the env file's name. */
  source: 'environment' | (typeof ENV_FILES)[number]
}

/**
 * Finds a secret key the app would use instead of the emulator: set (non-empty) in `env`, or in `.env` /
 * `.env.local` in `cwd`, parsed with Node's own dotenv parser. A missing or unreadable file counts as none.
 */
export function findRealSecretKey(cwd: string, env: NodeJS.ProcessEnv): RealKeyFound | undefined {
  for (const name of SECRET_KEY_NAMES) if (env[name]) return { name, source: 'environment' }
  for (const file of ENV_FILES) {
    const parsed = readEnvFile(join(cwd, file))
    for (const name of SECRET_KEY_NAMES) if (parsed[name]) return { name, source: file }
  }
  return undefined
}

function readEnvFile(path: string): Record<string, string | undefined> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return {}
  }
  // util.parseEnv: Node 20.12+ / 21.7+.
  if (typeof util.parseEnv !== 'function') throw new Error(`Reading ${path} needs Node.js 20.12 or newer (util.parseEnv).`)
  return util.parseEnv(text) as Record<string, string | undefined>
}
