import { index, type RouteConfig, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  route('billing', 'routes/billing.tsx'),
  route('api/billing', 'routes/api.billing.ts'),
  route('sign-out', 'routes/sign-out.ts'),
  // The whole agent-tasks contract: POST /api/agent-tasks and POST /api/agent-tasks/:id/revoke.
  route('api/agent-tasks/*', 'routes/api.agent-tasks.ts'),
] satisfies RouteConfig
