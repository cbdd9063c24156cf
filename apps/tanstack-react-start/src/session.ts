import { auth, clerkClient } from '@clerk/tanstack-react-start/server'
import { redirect } from '@tanstack/react-router'
import { createServerFn } from '@tanstack/react-start'

/** For the home page: signed in or not. */
export const getHomeState = createServerFn({ method: 'GET' }).handler(async () => {
  const { userId } = await auth()
  return { signedIn: userId !== null }
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
