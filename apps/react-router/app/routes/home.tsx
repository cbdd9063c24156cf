import { UserButton } from '@clerk/react-router'
import { getAuth } from '@clerk/react-router/server'
import { Link } from 'react-router'
import type { Route } from './+types/home'

export const meta = () => [{ title: 'Agent Tasks — React Router sample' }]

export async function loader(args: Route.LoaderArgs) {
  const { userId } = await getAuth(args)
  return { signedIn: userId !== null }
}

export default function Home({ loaderData: { signedIn } }: Route.ComponentProps) {
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
          This React Router app mints one-time Clerk <em>agent task</em> links with <code>@agent-tasks/react-router</code>.
          Opening a link signs its user in and lands on the dashboard — no login form.
        </p>
        {signedIn ? (
          <Link className="button" to="/dashboard">
            Go to your dashboard
          </Link>
        ) : (
          <Link className="button" to="/sign-in">
            Sign in
          </Link>
        )}
      </main>
    </>
  )
}
