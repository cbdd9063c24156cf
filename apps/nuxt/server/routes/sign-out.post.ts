import { clerkClient } from '@clerk/nuxt/server'

// Ends the Clerk session on the server and drops its cookies (these pages sign in and out on the
// server), then goes home.
export default defineEventHandler(async (event) => {
  const { sessionId } = event.context.auth()
  if (sessionId) await clerkClient(event as never).sessions.revokeSession(sessionId)
  for (const name of Object.keys(parseCookies(event))) {
    if (name === '__session' || name.startsWith('__session_')) deleteCookie(event, name, { path: '/' })
    if (name === '__client_uat' || name.startsWith('__client_uat_')) setCookie(event, name, '0', { path: '/', sameSite: 'lax' })
  }
  return sendRedirect(event, '/', 303)
})
