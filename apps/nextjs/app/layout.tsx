import { ClerkProvider } from '@clerk/nextjs'
import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { clerkProviderPropsFromEnv, SIGN_IN_PATH } from '../lib/clerk-options'
import './styles.css'

export const metadata: Metadata = { title: 'Agent Tasks — Next.js sample' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {/* `dynamic`: rendered per request, so clerk-js's script gets the Content-Security-Policy's
            nonce and the settings the server started with (lib/clerk-options.ts). */}
        <ClerkProvider dynamic {...clerkProviderPropsFromEnv()} signInUrl={SIGN_IN_PATH} afterSignOutUrl="/">
          {children}
        </ClerkProvider>
      </body>
    </html>
  )
}
