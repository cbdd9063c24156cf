import { billingOf } from '../billing'

// Guarded by the agent policy (the module's guard, `agentTasks: { guard: true }` in nuxt.config.ts): a
// person gets it, an agent only with the person's approval.
export default defineEventHandler((event) => {
  const { userId } = event.context.auth()
  if (!userId) {
    setResponseStatus(event, 401)
    return { title: 'Not signed in', detail: 'Sign in to see your billing.' }
  }
  return billingOf(userId)
})
