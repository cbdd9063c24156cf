import { auth } from '@clerk/nextjs/server'
import Link from 'next/link'
import { appOrigin } from '../lib/origin'

async function signInLink(): Promise<string | undefined> {
  const signInUrl = process.env.CLERK_SIGN_IN_URL
  const origin = await appOrigin()
  if (!signInUrl || !origin) return undefined
  const url = new URL(signInUrl)
  url.searchParams.set('redirect_url', `${origin}/dashboard`)
  return url.href
}

export default async function HomePage() {
  const { userId } = await auth()
  const signedIn = userId !== null
  const signIn = signedIn ? undefined : await signInLink()
  return (
    <>
      <header>
        <strong>Agent Tasks sample</strong>
        <span className="status" data-testid="auth-status">
          {signedIn ? 'Signed in' : 'Signed out'}
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
        ) : signIn ? (
          // The Account Portal (or the emulator's page) is another site: a plain link, not <Link>.
          <a className="button" href={signIn}>
            Sign in
          </a>
        ) : (
          <p>
            Set <code>CLERK_SIGN_IN_URL</code> to your Clerk sign-in page to sign in here.
          </p>
        )}
      </main>
    </>
  )
}
