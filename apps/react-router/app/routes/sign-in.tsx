import { SignIn } from '@clerk/react-router'
import { Link } from 'react-router'

export const meta = () => [{ title: 'Sign in — Agent Tasks sample' }]

// Clerk's <SignIn /> on a splat route (`sign-in/*` in app/routes.ts): its later steps live under /sign-in/….
export default function SignInPage() {
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
