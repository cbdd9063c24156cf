import { clerkMiddleware } from '@clerk/nextjs/server'
import { clerkOptionsFromEnv } from './lib/clerk-options.js'

export default clerkMiddleware(clerkOptionsFromEnv())

export const config = {
  // Clerk's recommended matcher, minus /no-middleware (where the adapter must explain the missing middleware).
  matcher: ['/((?!_next|no-middleware|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico)).*)'],
}
