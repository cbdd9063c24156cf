import { ClerkProvider } from '@clerk/tanstack-react-start'
import { createRootRoute, HeadContent, Outlet, Scripts } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { SIGN_IN_URL } from '../sign-in-url'
import stylesheet from '../styles.css?url'

// Clerk's provider around the document: clerkMiddleware() (src/start.ts) hands it the auth state and the
// settings it reads per request (publishable key, CLERK_PROXY_URL, CLERK_JS_URL, CLERK_UI_URL).
function Document({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider signInUrl={SIGN_IN_URL} signInFallbackRedirectUrl="/dashboard" afterSignOutUrl="/">
      <html lang="en">
        <head>
          <HeadContent />
        </head>
        <body>
          {children}
          <Scripts />
        </body>
      </html>
    </ClerkProvider>
  )
}

export const Route = createRootRoute({
  head: () => ({
    meta: [{ charSet: 'utf-8' }, { name: 'viewport', content: 'width=device-width, initial-scale=1' }],
    links: [
      { rel: 'stylesheet', href: stylesheet },
      // No favicon request (and no 404 in the console).
      { rel: 'icon', href: 'data:,' },
    ],
  }),
  shellComponent: Document,
  component: Outlet,
})
