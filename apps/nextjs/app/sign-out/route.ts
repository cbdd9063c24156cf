import { auth, clerkClient } from '@clerk/nextjs/server'
import { cookies } from 'next/headers'

// Ends the Clerk session on the server and drops its cookies (there is no clerk-js in these pages
// to do it in the browser), then goes home.
export async function POST(): Promise<Response> {
  const { sessionId } = await auth()
  if (sessionId) await (await clerkClient()).sessions.revokeSession(sessionId)
  const jar = await cookies()
  for (const { name } of jar.getAll()) {
    if (name === '__session' || name.startsWith('__session_')) jar.delete(name)
    if (name === '__client_uat' || name.startsWith('__client_uat_')) jar.set(name, '0', { path: '/', sameSite: 'lax' })
  }
  return new Response(null, { status: 303, headers: { Location: '/' } })
}
