import { SignIn } from '@clerk/nextjs'
import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Sign in — Agent Tasks sample' }

// Clerk's <SignIn /> on an optional catch-all route: its later steps live under /sign-in/….
export default function SignInPage() {
  return (
    <>
      <header>
        <strong>Agent Tasks sample</strong>
        <Link href="/">Home</Link>
      </header>
      <main className="sign-in">
        <SignIn fallbackRedirectUrl="/dashboard" />
      </main>
    </>
  )
}
