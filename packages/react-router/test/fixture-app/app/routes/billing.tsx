// A page of the app the guard cases navigate to (`guardedRoutes.billingPage`); its loader is what a
// client navigation fetches as /billing.data.
export function loader() {
  return { page: 'billing' }
}

export default function Billing() {
  return <h1>Billing</h1>
}
