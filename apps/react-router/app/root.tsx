import { ClerkProvider } from '@clerk/react-router'
import { clerkMiddleware, rootAuthLoader } from '@clerk/react-router/server'
import type { ReactNode } from 'react'
import { Links, Meta, Outlet, Scripts } from 'react-router'
import type { Route } from './+types/root'
import { agentTasks } from './agent-tasks.server'
import stylesheet from './styles.css?url'

/** The app's own sign-in page (Clerk's `<SignIn />`): set here, it wins over `CLERK_SIGN_IN_URL`. */
const SIGN_IN_URL = '/sign-in'

// Clerk's middleware, then the agent policy on every route: an agent session may not open /billing or
// /api/billing until you approve it, nor use /api/agent-tasks; a `read-only` link's agent may only read.
export const middleware: Route.MiddlewareFunction[] = [clerkMiddleware({ signInUrl: SIGN_IN_URL }), agentTasks.guard]

// Clerk's state for <ClerkProvider>: the auth, and the settings it reads per request (publishable
// key, CLERK_PROXY_URL, CLERK_JS_URL, CLERK_UI_URL; `VITE_`-prefixed names win where set).
export const loader = (args: Route.LoaderArgs) => rootAuthLoader(args)

export const links = () => [
  { rel: 'stylesheet', href: stylesheet },
  // No favicon request (and no 404 in the console).
  { rel: 'icon', href: 'data:,' },
]

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <Scripts />
      </body>
    </html>
  )
}

export default function App({ loaderData }: Route.ComponentProps) {
  return (
    <ClerkProvider loaderData={loaderData} signInUrl={SIGN_IN_URL} signInFallbackRedirectUrl="/dashboard" afterSignOutUrl="/">
      <Outlet />
    </ClerkProvider>
  )
}
