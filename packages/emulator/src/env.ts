import { CLERK_JS_PATH, CLERK_UI_PATH } from './fapi/clerk-bundles.js'

/** Environment for apps using Clerk SDKs against an emulator. */
export interface EnvInput {
  url: string
  secretKey: string
  publishableKey: string
  jwtKey: string
  signInUrl: string
}

/**
 * `CLERK_API_URL` (BAPI), `CLERK_PROXY_URL` (so handshakes and clerk-js's Frontend API calls reach the
 * emulator over plain http instead of `https://<pk host>`), keys, sign-in URL, `CLERK_TELEMETRY_DISABLED=1`
 * so nothing calls a real Clerk host, and `CLERK_JS_URL` / `CLERK_UI_URL`: Clerk's real browser bundles,
 * served by the emulator over http. With all of them honoured, a browser needs no trust in the emulator's
 * https certificate; an SDK that ignores one falls back to `https://<pk host>`, which the emulator serves too.
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
 * The `CLERK_*` settings an SDK reads from the browser side, under its own prefix. Not the sign-in URL:
 * an app names its own sign-in page (Clerk's `<SignIn />` on `/sign-in`), and `@clerk/astro` and
 * `@clerk/nuxt` would let a public variable override the app's config in the browser.
 */
const PUBLIC_SETTINGS = ['PUBLISHABLE_KEY', 'PROXY_URL', 'JS_URL', 'UI_URL', 'TELEMETRY_DISABLED'] as const

/**
 * The prefixes the framework SDKs read their public settings under (checked against their dist files):
 * `@clerk/nextjs` `NEXT_PUBLIC_CLERK_*` (it reads no `CLERK_PUBLISHABLE_KEY` / `CLERK_PROXY_URL`),
 * `@clerk/astro` `PUBLIC_CLERK_*`, `@clerk/nuxt` `NUXT_PUBLIC_CLERK_*` (runtime config `public.clerk`),
 * `@clerk/react-router` and `@clerk/tanstack-react-start` `VITE_CLERK_*` before `CLERK_*`.
 */
const PUBLIC_PREFIXES = ['NEXT_PUBLIC_', 'PUBLIC_', 'NUXT_PUBLIC_', 'VITE_'] as const

/** `@clerk/nuxt` reads its server settings only from runtime config `clerk.*`, i.e. `NUXT_CLERK_*`. */
const NUXT_SERVER_SETTINGS = ['SECRET_KEY', 'API_URL', 'JWT_KEY'] as const

/**
 * Every variable any of the seven framework SDKs (`@clerk/express`, `@clerk/fastify`, `@clerk/nextjs`,
 * `@clerk/astro`, `@clerk/nuxt`, `@clerk/react-router`, `@clerk/tanstack-react-start`) reads to reach the
 * emulator: `env` (the `CLERK_*` names from {@link buildEnv}) plus the same values under each SDK's own
 * names. The public values depend only on the emulator's host and port (and instance type), so a build
 * that inlines them and a later start on the same port agree.
 */
export function sdkEnv(env: Readonly<Record<string, string>>): Record<string, string> {
  const all: Record<string, string> = { ...env }
  for (const prefix of PUBLIC_PREFIXES) {
    for (const setting of PUBLIC_SETTINGS) {
      const value = env[`CLERK_${setting}`]
      if (value === undefined) continue
      // Astro validates PUBLIC_CLERK_TELEMETRY_DISABLED as a boolean ("true"/"false" only); every SDK accepts "true".
      all[`${prefix}CLERK_${setting}`] = setting === 'TELEMETRY_DISABLED' ? 'true' : value
    }
  }
  for (const setting of NUXT_SERVER_SETTINGS) {
    const value = env[`CLERK_${setting}`]
    if (value !== undefined) all[`NUXT_CLERK_${setting}`] = value
  }
  return all
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
