let loading: Promise<typeof import('./operations.js')> | undefined

/** The ledger's operations beyond minting, imported once, on first use (see operations.ts). */
export function loadLedgerOperations(): Promise<typeof import('./operations.js')> {
  loading ??= import('./operations.js').catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
