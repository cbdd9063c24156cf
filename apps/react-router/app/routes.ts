import { index, type RouteConfig, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  route('billing', 'routes/billing.tsx'),
  route('api/billing', 'routes/api.billing.ts'),
  // Clerk's <SignIn /> and the steps it routes to under /sign-in/….
  route('sign-in/*', 'routes/sign-in.tsx'),
  // The whole agent-tasks contract: POST /api/agent-tasks and POST /api/agent-tasks/:id/revoke.
  route('api/agent-tasks/*', 'routes/api.agent-tasks.ts'),
] satisfies RouteConfig
