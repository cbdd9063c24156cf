/** The signed-in user's billing, as the sample's `/billing` page and `GET /api/billing` show it (made-up data). */
export interface Billing {
  plan: string
  nextInvoice: { date: string; amount: string }
}

export function billingOf(_userId: string): Billing {
  return { plan: 'Pro', nextInvoice: { date: '2027-01-01', amount: '€29.00' } }
}
