import { clerkMiddleware } from '@clerk/react-router/server'
import { type MiddlewareFunction, Outlet } from 'react-router'
import { agentTasks } from './agent-tasks.server.js'

const clerk = clerkMiddleware()
const skipped = (args: { request: Request }) => new URL(args.request.url).pathname.startsWith('/no-middleware/')

// Clerk's middleware, then the main instance's agent policy, on every route but /no-middleware/…,
// where the adapter must explain Clerk's is missing.
export const middleware: MiddlewareFunction<Response>[] = [
  (args, next) => (skipped(args) ? next() : clerk(args, next)),
  (args, next) => (skipped(args) ? next() : agentTasks.guard(args, next)),
]

export default function App() {
  return (
    <html lang="en">
      <body>
        <Outlet />
      </body>
    </html>
  )
}
