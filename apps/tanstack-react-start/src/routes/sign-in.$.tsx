import { SignIn } from '@clerk/tanstack-react-start'
import { createFileRoute, Link } from '@tanstack/react-router'

// Clerk's <SignIn /> on a splat route (/sign-in/$): its later steps live under /sign-in/….
function SignInPage() {
  return (
    <>
      <header>
        <strong>Agent Tasks sample</strong>
        <Link to="/">Home</Link>
      </header>
      <main className="sign-in">
        <SignIn />
      </main>
    </>
  )
}

export const Route = createFileRoute('/sign-in/$')({
  head: () => ({ meta: [{ title: 'Sign in — Agent Tasks sample' }] }),
  component: SignInPage,
})
