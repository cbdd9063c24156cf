// The page the guard cases navigate to (`guardedRoutes.billingPage`), as a server route answering HTML.
export default defineEventHandler((event) => {
  setResponseHeader(event, 'Content-Type', 'text/html; charset=utf-8')
  return '<h1>Billing</h1>'
})
