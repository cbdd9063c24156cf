import { createAgentTaskRoute } from '@agent-tasks/nextjs'

// The hand-written route of Clerk's docs, in one line, at the app's own path.
export const POST = createAgentTaskRoute({ redirect: { defaultUrl: '/dashboard' } })
