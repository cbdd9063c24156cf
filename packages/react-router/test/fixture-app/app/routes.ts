import { type RouteConfig, route } from '@react-router/dev/routes'

export default [
  route('api/agent-tasks/*', 'routes/contract-main.ts'),
  route('agent-friendly/api/agent-tasks/*', 'routes/contract-agent-friendly.ts'),
  route('admin/api/agent-tasks/*', 'routes/contract-admin.ts'),
  route('no-middleware/api/agent-tasks/*', 'routes/contract-no-middleware.ts'),
  route('create-agent-task', 'routes/create-agent-task.ts'),
  route('programmatic/create', 'routes/programmatic-create.ts'),
  route('programmatic/revoke/:agentTaskId', 'routes/programmatic-revoke.ts'),
  route('programmatic/records', 'routes/programmatic-records.ts'),
  route('programmatic/revoke-all', 'routes/programmatic-revoke-all.ts'),
  route('billing', 'routes/billing.tsx'),
  route('api/billing', 'routes/api-billing.ts'),
  route('reports', 'routes/reports.ts'),
] satisfies RouteConfig
