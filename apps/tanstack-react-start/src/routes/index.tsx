import { UserButton } from '@clerk/tanstack-react-start'
import { createFileRoute, Link } from '@tanstack/react-router'
import { getHomeState } from '../session'

function Home() {
  const { signedIn } = Route.useLoaderData()
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
          This TanStack Start app mints one-time Clerk <em>agent task</em> links with{' '}
          <code>@agent-tasks/tanstack-react-start</code>. Opening a link signs its user in and lands on the dashboard — no
          login form.
        </p>
        {signedIn ? (
          <Link className="button" to="/dashboard">
            Go to your dashboard
          </Link>
        ) : (
          <Link className="button" to="/sign-in/$">
            Sign in
          </Link>
        )}
      </main>
    </>
  )
}

export const Route = createFileRoute('/')({
  head: () => ({ meta: [{ title: 'Agent Tasks — TanStack Start sample' }] }),
  loader: () => getHomeState(),
  component: Home,
})
