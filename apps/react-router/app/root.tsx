import { clerkMiddleware } from '@clerk/react-router/server'
import type { ReactNode } from 'react'
import { Links, Meta, Outlet, Scripts } from 'react-router'
import { agentTasks } from './agent-tasks.server'
import stylesheet from './styles.css?url'

// Clerk's middleware, then the agent policy on every route: an agent session may not open /billing or
// /api/billing until you approve it, nor use /api/agent-tasks; a `read-only` link's agent may only read.
export const middleware = [clerkMiddleware(), agentTasks.guard]

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

export default function App() {
  return <Outlet />
}
