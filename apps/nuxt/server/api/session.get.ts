import { clerkClient } from '@clerk/nuxt/server'

/** What the pages show: who is signed in, and whether an agent-task link opened this session. */
export default defineEventHandler(async (event) => {
  const { userId, actor } = event.context.auth()
  if (!userId) return { signedIn: false as const }
  // (`as never`: @clerk/nuxt's types carry a copy of h3's own, which TypeScript tells apart from the app's.)
  const user = await clerkClient(event as never).users.getUser(userId)
  const email = user.primaryEmailAddress?.emailAddress
  const isAgentSession = actor?.type === 'agent'
  return {
    signedIn: true as const,
    displayName: user.firstName ?? email ?? userId,
    email,
    isAgentSession,
    agentId: isAgentSession && typeof actor?.sub === 'string' ? actor.sub : undefined,
  }
})
