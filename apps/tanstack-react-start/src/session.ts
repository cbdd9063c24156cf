import { auth, clerkClient } from '@clerk/tanstack-react-start/server'
import { redirect } from '@tanstack/react-router'
import { createServerFn } from '@tanstack/react-start'
import { getRequest } from '@tanstack/react-start/server'

/** Clerk's sign-in page, coming back to the dashboard; undefined when CLERK_SIGN_IN_URL is not set. */
function signInLink(): string | undefined {
  const signInUrl = process.env.CLERK_SIGN_IN_URL
  if (!signInUrl) return undefined
  const url = new URL(signInUrl)
  url.searchParams.set('redirect_url', new URL('/dashboard', getRequest().url).href)
  return url.href
}

/** For the home page: signed in or not, and where to sign in. */
export const getHomeState = createServerFn({ method: 'GET' }).handler(async () => {
  const { userId } = await auth()
  return { signedIn: userId !== null, signIn: userId === null ? signInLink() : undefined }
})

/** For the dashboard: the signed-in user and whether an agent-task link opened this session; home otherwise. */
export const getDashboard = createServerFn({ method: 'GET' }).handler(async () => {
  const { userId, actor } = await auth()
  if (!userId) throw redirect({ to: '/' })
  const user = await clerkClient().users.getUser(userId)
  const email = user.primaryEmailAddress?.emailAddress
  const isAgentSession = actor?.type === 'agent'
  return {
    displayName: user.firstName ?? email ?? userId,
    email,
    isAgentSession,
    // Plain fields only: `actor` itself does not serialize.
    agentId: isAgentSession && typeof actor?.sub === 'string' ? actor.sub : undefined,
  }
})
