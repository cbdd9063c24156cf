/** The app's own sign-in page (Clerk's `<SignIn />`), where Clerk sends people who must sign in. */
export const SIGN_IN_PATH = '/sign-in'

type Env = Record<string, string | undefined>

/** A setting by its `CLERK_*` name, else by the `NEXT_PUBLIC_CLERK_*` one Clerk documents for Next.js. */
function setting(env: Env, name: string): string | undefined {
  return env[`CLERK_${name}`] || env[`NEXT_PUBLIC_CLERK_${name}`] || undefined
}

/**
 * Clerk's settings for `clerkMiddleware()`, read when the server starts rather than when it is built:
 * Next.js inlines `NEXT_PUBLIC_*` variables at build time, and `@clerk/nextjs` reads neither
 * `CLERK_PUBLISHABLE_KEY` nor `CLERK_JWT_KEY` nor `CLERK_PROXY_URL` itself. So one build runs against
 * any Clerk instance (or the offline emulator, whose keys change on every start). `CLERK_SECRET_KEY`
 * and `CLERK_API_URL` are read by `@clerk/nextjs` at run time already.
 */
export function clerkOptionsFromEnv(env: Env = process.env) {
  const options: { publishableKey?: string; jwtKey?: string; proxyUrl?: string; signInUrl: string } = {
    signInUrl: SIGN_IN_PATH,
  }
  const publishableKey = setting(env, 'PUBLISHABLE_KEY')
  if (publishableKey) options.publishableKey = publishableKey
  if (env.CLERK_JWT_KEY) options.jwtKey = env.CLERK_JWT_KEY
  const proxyUrl = setting(env, 'PROXY_URL')
  if (proxyUrl) options.proxyUrl = proxyUrl
  return options
}

/**
 * The same settings for `<ClerkProvider>` (app/layout.tsx), which renders on the server at request
 * time: the key, the proxy URL, and where clerk-js and Clerk's UI bundle load from when set
 * (`CLERK_JS_URL` / `CLERK_UI_URL`; else Clerk's default, the Frontend API's `/npm/…`).
 */
export function clerkProviderPropsFromEnv(env: Env = process.env) {
  const props: {
    publishableKey?: string
    proxyUrl?: string
    __internal_clerkJSUrl?: string
    __internal_clerkUIUrl?: string
    telemetry?: { disabled: boolean }
  } = {}
  const { publishableKey, proxyUrl } = clerkOptionsFromEnv(env)
  if (publishableKey) props.publishableKey = publishableKey
  if (proxyUrl) props.proxyUrl = proxyUrl
  const jsUrl = setting(env, 'JS_URL')
  if (jsUrl) props.__internal_clerkJSUrl = jsUrl
  const uiUrl = setting(env, 'UI_URL')
  if (uiUrl) props.__internal_clerkUIUrl = uiUrl
  const telemetryDisabled = setting(env, 'TELEMETRY_DISABLED')
  if (telemetryDisabled === '1' || telemetryDisabled === 'true') props.telemetry = { disabled: true }
  return props
}
