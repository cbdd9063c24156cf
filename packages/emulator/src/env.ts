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
 * `https://<pk host>`), keys, sign-in URL, and `CLERK_TELEMETRY_DISABLED=1` so nothing calls a real Clerk host.
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
