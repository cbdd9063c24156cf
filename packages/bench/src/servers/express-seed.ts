import { clerkClient, getAuth } from '@clerk/express'
import type { Express } from 'express'

/**
 * The seed's hand-written Express route (`public.ts`), unchanged but for its path. `clerkClient`
 * reads the `CLERK_*` environment on first use; this process starts with it.
 */
export function addSeedRoute(app: Express, path: string): void {
  app.post(path, async (req, res) => {
    const { isAuthenticated, userId } = getAuth(req)

    if (!isAuthenticated) {
      return res.status(401).json({ error: 'Unauthorized' })
    }

    const agentTask = await clerkClient.agentTasks.create({
      onBehalfOf: {
        userId,
      },
      permissions: '*',
      agentName: 'my-agent',
      taskDescription: 'Automated test login',
      redirectUrl: 'http://localhost:3000/dashboard',
    })

    res.status(200).json({ message: 'Agent Task created', agentTask })
  })
}
