import { type RouteConfig, route } from '@react-router/dev/routes'

// Resource routes (no component): their actions answer POSTs directly.
export default [route('seed', 'routes/seed.tsx'), route('adapter', 'routes/adapter.ts')] satisfies RouteConfig
