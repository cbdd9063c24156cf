import { CLERK_JS_PATH, CLERK_UI_PATH } from './fapi/browser-scripts.js'

/** Environment for apps using Clerk SDKs against an emulator. */
export interface EnvInput {
  url: string
  secretKey: string
  publishableKey: string
  jwtKey: string
  signInUrl: string
}

/**
 * `CLERK_API_URL` (BAPI), `CLERK_PROXY_URL` (so handshake redirects reach the emulator over http instead of
 * `https://<pk host>`), keys, sign-in URL, `CLERK_TELEMETRY_DISABLED=1` so nothing calls a real Clerk host,
 * and `CLERK_JS_URL` / `CLERK_UI_URL`: the emulator's stand-ins for Clerk's browser bundles, for SDKs
 * that load clerk-js in the page (Clerk's own URLs are https, which the emulator does not serve).
 */
export function buildEnv(input: EnvInput): Record<string, string> {
  return {
    CLERK_API_URL: input.url,
    CLERK_SECRET_KEY: input.secretKey,
    CLERK_PUBLISHABLE_KEY: input.publishableKey,
    CLERK_JWT_KEY: input.jwtKey,
    CLERK_PROXY_URL: input.url,
    CLERK_SIGN_IN_URL: input.signInUrl,
    CLERK_TELEMETRY_DISABLED: '1',
    CLERK_JS_URL: `${input.url}${CLERK_JS_PATH}`,
    CLERK_UI_URL: `${input.url}${CLERK_UI_PATH}`,
  }
}

/**
 * Formats env as `KEY=value` lines. Values with newlines (the PEM) are double-quoted with `\n` escapes,
 * which `node --env-file` and dotenv expand back to real newlines.
 */
export function formatEnvLines(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([key, value]) => (value.includes('\n') ? `${key}="${value.replace(/\r?\n/g, '\\n')}"` : `${key}=${value}`))
    .join('\n')
}
