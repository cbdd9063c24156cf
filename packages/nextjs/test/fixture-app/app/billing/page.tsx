// A page of the app the guard cases navigate to (`guardedRoutes.billingPage`).
export const dynamic = 'force-dynamic'

export default function Billing() {
  return <h1>Billing</h1>
}
