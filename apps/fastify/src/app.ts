import { fileURLToPath } from 'node:url'
import { createAgentTasks } from '@agent-tasks/fastify'
import { clerkPlugin, getAuth } from '@clerk/fastify'
import formBody from '@fastify/formbody'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { billingOf } from './billing.ts'
import { clerkOptionsFromEnv } from './clerk-options.ts'
import { type ClerkUi, clerkScriptTags, contentSecurityPolicy } from './clerk-ui.ts'
import { billingPage, dashboardPage, homePage, signInPage } from './pages.ts'

const publicDir = fileURLToPath(new URL('../public', import.meta.url))

export interface AppConfig {
  /** Clerk's settings for the browser (`clerkUiFromEnv()`): the pages load clerk-js and Clerk's UI with them. */
  clerk: ClerkUi
}

/** Where Clerk's `<SignIn />` is (clerk-js is told so in `clerk-ui.js`; `CLERK_SIGN_IN_URL` is not used). */
const SIGN_IN_PATH = '/sign-in'

/** The app's one agent-tasks instance: the routes below use it, and so could any other handler (`agentTasks.create(request)`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
  // The agent policy (the guard below enforces it). Unset, it is the built-in one: a `read-only` scope
  // a link may be minted with, and agents must ask you before opening /billing, /account or their
  // /api/ twins. For example, to refuse billing outright instead of asking:
  // policy: { defaultPolicy: [{ effect: 'deny', paths: ['/billing/**', '/api/billing/**'] }] },
})

export async function createApp(config: AppConfig): Promise<FastifyInstance> {
  const clerkScripts = clerkScriptTags(config.clerk)
  const csp = contentSecurityPolicy(config.clerk)
  const app = Fastify()
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('Content-Security-Policy', csp)
    reply.header('Referrer-Policy', 'no-referrer')
  })
  await app.register(fastifyStatic, { root: publicDir, prefix: '/static/' })
  await app.register(formBody)
  await app.register(clerkPlugin, clerkOptionsFromEnv())
  // The agent policy on every route below, after clerkPlugin's preHandler: an agent session may not open
  // /billing or /api/billing until you approve it, nor use /api/agent-tasks; a `read-only` link's agent may only read.
  app.addHook('preHandler', agentTasks.guard)

  // The whole agent-tasks contract: POST /api/agent-tasks and POST /api/agent-tasks/:id/revoke.
  await app.register(agentTasks.handler, { prefix: '/api/agent-tasks' })

  app.get('/', async (request, reply) => {
    const signedIn = getAuth(request).userId !== null
    return reply.type('text/html; charset=utf-8').send(homePage({ signedIn, clerkScripts }))
  })

  // Clerk's <SignIn /> (public/clerk-ui.js mounts it); a signed-in person goes on to the dashboard.
  app.get(SIGN_IN_PATH, async (request, reply) => {
    if (getAuth(request).userId) return reply.redirect('/dashboard')
    return reply.type('text/html; charset=utf-8').send(signInPage({ clerkScripts }))
  })

  app.get('/dashboard', async (request, reply) => {
    const auth = getAuth(request)
    if (!auth.userId) return reply.redirect('/')
    // `request.clerk` is the client clerkPlugin built with the options above.
    const user = await request.clerk.users.getUser(auth.userId)
    const email = user.primaryEmailAddress?.emailAddress
    const agentId = auth.actor?.type === 'agent' && typeof auth.actor.sub === 'string' ? auth.actor.sub : undefined
    const page = dashboardPage({
      displayName: user.firstName ?? email ?? user.id,
      email,
      isAgentSession: auth.actor?.type === 'agent',
      agentId,
      clerkScripts,
    })
    return reply.type('text/html; charset=utf-8').send(page)
  })

  // Guarded by the agent policy above: a person gets them, an agent only with the person's approval.
  app.get('/api/billing', async (request, reply) => {
    const { userId } = getAuth(request)
    if (!userId) return reply.code(401).send({ title: 'Not signed in', detail: 'Sign in to see your billing.' })
    return reply.send(billingOf(userId))
  })

  app.get('/billing', async (request, reply) => {
    const { userId } = getAuth(request)
    if (!userId) return reply.redirect('/')
    return reply.type('text/html; charset=utf-8').send(billingPage(billingOf(userId), clerkScripts))
  })

  return app
}
