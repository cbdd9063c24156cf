import { clerkMiddleware } from '@clerk/react-router/server'
import type { ReactNode } from 'react'
import { Links, Meta, Outlet, Scripts } from 'react-router'
import stylesheet from './styles.css?url'

export const middleware = [clerkMiddleware()]

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
