import { createFileRoute } from '@tanstack/react-router'

// The page the guard cases navigate to (`guardedRoutes.billingPage`), as a server route answering HTML:
// this fixture's build renders no React pages (its JSX is compiled for development under vitest).
export const Route = createFileRoute('/billing')({
  server: { handlers: { GET: () => new Response('<h1>Billing</h1>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } }) } },
})
