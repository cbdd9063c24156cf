import { clerkMiddleware } from '@clerk/nextjs/server'
import { clerkOptionsFromEnv } from './lib/clerk-options'

export default clerkMiddleware(clerkOptionsFromEnv())

export const config = {
  // Clerk's recommended matcher.
  matcher: [
    '/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',
    '/(api|trpc)(.*)',
  ],
}
