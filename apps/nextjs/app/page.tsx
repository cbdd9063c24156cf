import { UserButton } from '@clerk/nextjs'
import { auth } from '@clerk/nextjs/server'
import Link from 'next/link'
import { SIGN_IN_PATH } from '../lib/clerk-options'

export default async function HomePage() {
  const { userId } = await auth()
  const signedIn = userId !== null
  return (
    <>
      <header>
        <strong>Agent Tasks sample</strong>
        <span className="account">
          <span className="status" data-testid="auth-status">
            {signedIn ? 'Signed in' : 'Signed out'}
          </span>
          {signedIn ? <UserButton /> : null}
        </span>
      </header>
      <main>
        <h1>Give an agent a signed-in browser</h1>
        <p>
          This Next.js app mints one-time Clerk <em>agent task</em> links with <code>@agent-tasks/nextjs</code>. Opening a
          link signs its user in and lands on the dashboard — no login form.
        </p>
        {signedIn ? (
          <Link className="button" href="/dashboard">
            Go to your dashboard
          </Link>
        ) : (
          <Link className="button" href={SIGN_IN_PATH}>
            Sign in
          </Link>
        )}
      </main>
    </>
  )
}
