import { auth, clerkClient } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'

// The seed's hand-written route (app/api/example/route.ts), unchanged but for its path.
export async function POST() {
  const { isAuthenticated, userId } = await auth()

  if (!isAuthenticated) {
    return new NextResponse('Unauthorized', { status: 401 })
  }

  const client = await clerkClient()

  const agentTask = await client.agentTasks.create({
    onBehalfOf: {
      userId,
    },
    permissions: '*',
    agentName: 'my-agent',
    taskDescription: 'Automated test login',
    redirectUrl: 'http://localhost:3000/dashboard',
  })

  return NextResponse.json({ message: 'Agent Task created', agentTask })
}
