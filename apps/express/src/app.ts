import { fileURLToPath } from 'node:url'
import { createAgentTasks } from '@agent-tasks/express'
import { clerkClient, clerkMiddleware, getAuth } from '@clerk/express'
import express from 'express'
import { agentRunsRouter } from './agent-runs.ts'
import { auditHooks, readAuditLog } from './audit-log.ts'
import { billingOf } from './billing.ts'
import { type ClerkUi, clerkScriptTags, contentSecurityPolicy } from './clerk-ui.ts'
import { billingPage, dashboardPage, homePage, signInPage } from './pages.ts'

const publicDir = fileURLToPath(new URL('../public', import.meta.url))

export interface AppConfig {
  /** Clerk's settings for the browser (`clerkUiFromEnv()`): the pages load clerk-js and Clerk's UI with them. */
  clerk: ClerkUi
}

/** Where Clerk's `<SignIn />` is (`clerkMiddleware` and clerk-js are told so; `CLERK_SIGN_IN_URL` is not used). */
const SIGN_IN_PATH = '/sign-in'

/** The app's one agent-tasks instance: the routes below use it, and so could any other handler (`agentTasks.create(req)`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
  // Every link minted, revoked or expired and every agent session ended, in a JSON-lines file.
  hooks: auditHooks,
  // The agent policy (the guard below enforces it). Unset, it is the built-in one: a `read-only` scope
  // a link may be minted with, and agents must ask you before opening /billing, /account or their
  // /api/ twins. For example, to refuse billing outright instead of asking:
  // policy: { defaultPolicy: [{ effect: 'deny', paths: ['/billing/**', '/api/billing/**'] }] },
})

export function createApp(config: AppConfig): express.Express {
  const clerkScripts = clerkScriptTags(config.clerk)
  const csp = contentSecurityPolicy(config.clerk)
  const app = express()
  app.disable('x-powered-by')
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp)
    res.setHeader('Referrer-Policy', 'no-referrer')
    next()
  })
  app.use('/static', express.static(publicDir))
  app.use(clerkMiddleware({ signInUrl: SIGN_IN_PATH }))
  // The agent policy on every route below: an agent session may not open /billing or /api/billing
  // until you approve it, nor use /api/agent-tasks; a `read-only` link's agent may only read.
  app.use(agentTasks.guard)

  // The whole agent-tasks contract: POST /api/agent-tasks and POST /api/agent-tasks/:id/revoke.
  app.use('/api/agent-tasks', agentTasks.handler)
  // A Browser Use agent sent into this app as the signed-in user (@agent-tasks/browser-use).
  app.use('/api/agent-runs', agentRunsRouter(agentTasks))

  app.get('/', (req, res) => {
    res.send(homePage({ signedIn: getAuth(req).userId !== null, clerkScripts }))
  })

  // Clerk's <SignIn /> (public/clerk-ui.js mounts it); a signed-in person goes on to the dashboard.
  app.get(SIGN_IN_PATH, (req, res) => {
    if (getAuth(req).userId) return void res.redirect('/dashboard')
    res.send(signInPage({ clerkScripts }))
  })

  app.get('/dashboard', async (req, res) => {
    const auth = getAuth(req)
    if (!auth.userId) {
      res.redirect('/')
      return
    }
    const user = await clerkClient.users.getUser(auth.userId)
    const email = user.primaryEmailAddress?.emailAddress
    const agentId = auth.actor?.type === 'agent' && typeof auth.actor.sub === 'string' ? auth.actor.sub : undefined
    const isAgentSession = auth.actor?.type === 'agent'
    res.send(
      dashboardPage({
        displayName: user.firstName ?? email ?? user.id,
        email,
        isAgentSession,
        agentId,
        audit: isAgentSession ? [] : await readAuditLog(auth.userId),
        clerkScripts,
      }),
    )
  })

  // Guarded by the agent policy above: a person gets them, an agent only with the person's approval.
  app.get('/api/billing', (req, res) => {
    const { userId } = getAuth(req)
    if (!userId) return void res.status(401).json({ title: 'Not signed in', detail: 'Sign in to see your billing.' })
    res.json(billingOf(userId))
  })

  app.get('/billing', (req, res) => {
    const { userId } = getAuth(req)
    if (!userId) return void res.redirect('/')
    res.send(billingPage(billingOf(userId), clerkScripts))
  })

  return app
}
