import { clerkMiddleware } from '@clerk/nuxt/server'

const clerk = clerkMiddleware()

// Clerk's middleware on every request but /no-middleware/…, where the adapter must explain it is missing.
// (`as never`: @clerk/nuxt's types carry a copy of h3's own, which TypeScript tells apart from the app's.)
export default defineEventHandler((event) => (event.path.startsWith('/no-middleware/') ? undefined : clerk(event as never)))
