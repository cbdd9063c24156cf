import { clerkMiddleware } from '@clerk/react-router/server'
import { Outlet } from 'react-router'

// Clerk's middleware as its docs install it; it reads the emulator's CLERK_* environment.
export const middleware = [clerkMiddleware()]

export default function App() {
  return (
    <html lang="en">
      <body>
        <Outlet />
      </body>
    </html>
  )
}
