import { existsSync } from 'node:fs'
import { CliError, EXIT } from './cli-error.js'

export interface CliConfig {
  secretKey: string
  apiUrl: string | undefined
}

/** Reads `.env` from the working folder, if any, without overriding what the environment already says. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env')
}

/** The Clerk settings, refusing a production key unless `--live` was given. */
export function clerkConfig(live: boolean): CliConfig {
  const secretKey = process.env.CLERK_SECRET_KEY
  if (!secretKey) {
    throw new CliError('CLERK_SECRET_KEY is not set: export it, or put it in .env (sk_test_… from the Clerk Dashboard, API keys).', EXIT.config)
  }
  if (!/^sk_(test|live)_/.test(secretKey)) throw new CliError('CLERK_SECRET_KEY does not look like a Clerk secret key (sk_test_… or sk_live_…).', EXIT.config)
  if (secretKey.startsWith('sk_live_') && !live) {
    throw new CliError('CLERK_SECRET_KEY is a production (sk_live_) key: these commands act on real users. Add --live if you mean it.', EXIT.config)
  }
  return { secretKey, apiUrl: process.env.CLERK_API_URL || undefined }
}

export interface BrowserUseConfig {
  apiKey: string
  baseUrl: string | undefined
}

export function browserUseConfig(): BrowserUseConfig {
  const apiKey = process.env.BROWSER_USE_API_KEY
  if (!apiKey) throw new CliError('BROWSER_USE_API_KEY is not set: export it, or put it in .env (from cloud.browser-use.com, API keys).', EXIT.config)
  return { apiKey, baseUrl: process.env.BROWSER_USE_BASE_URL || undefined }
}
