import { clerkMiddleware } from '@clerk/react-router/server'
import { type MiddlewareFunction, Outlet } from 'react-router'

const clerk = clerkMiddleware()

// Clerk's middleware on every route but /no-middleware/…, where the adapter must explain it is missing.
export const middleware: MiddlewareFunction<Response>[] = [
  (args, next) => (new URL(args.request.url).pathname.startsWith('/no-middleware/') ? next() : clerk(args, next)),
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
