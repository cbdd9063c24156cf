import { getAuth } from '@clerk/react-router/server'
import { Link } from 'react-router'
import type { Route } from './+types/home'

export const meta = () => [{ title: 'Agent Tasks — React Router sample' }]

function signInLink(request: Request): string | undefined {
  const signInUrl = process.env.CLERK_SIGN_IN_URL
  if (!signInUrl) return undefined
  const url = new URL(signInUrl)
  url.searchParams.set('redirect_url', new URL('/dashboard', request.url).href)
  return url.href
}

export async function loader(args: Route.LoaderArgs) {
  const { userId } = await getAuth(args)
  return { signedIn: userId !== null, signIn: userId === null ? signInLink(args.request) : undefined }
}

export default function Home({ loaderData: { signedIn, signIn } }: Route.ComponentProps) {
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
          This React Router app mints one-time Clerk <em>agent task</em> links with <code>@agent-tasks/react-router</code>.
          Opening a link signs its user in and lands on the dashboard — no login form.
        </p>
        {signedIn ? (
          <Link className="button" to="/dashboard">
            Go to your dashboard
          </Link>
        ) : signIn ? (
          // The Account Portal (or the emulator's page) is another site: a plain link.
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
