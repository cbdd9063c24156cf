import type { Route } from '../../http/router.js'
import { clientRoutes } from './client.js'
import { devBrowserRoutes } from './dev-browser.js'
import { emailCodesPageRoutes } from './email-codes-page.js'
import { environmentRoutes } from './environment.js'
import { meRoutes } from './me.js'
import { sessionRoutes } from './sessions.js'
import { signInRoutes } from './sign-ins.js'

/** Every Frontend API route clerk-js calls. */
export const clerkJsRoutes: Route[] = [...environmentRoutes, ...devBrowserRoutes, ...clientRoutes, ...signInRoutes, ...sessionRoutes, ...meRoutes, ...emailCodesPageRoutes]
