/**
 * Next.js signals redirects, `notFound()`, dynamic-rendering bailouts and the like by throwing
 * errors that carry a string `digest` (or React's postpone marker); they must reach Next.js
 * untouched. Checked by shape rather than with `unstable_rethrow` from `next/navigation`, whose
 * fully specified ESM path (`next/navigation.js`) pulls the client navigation module into route
 * handler bundles under Turbopack.
 */
export function isNextControlFlowError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { digest, $$typeof } = error as { digest?: unknown; $$typeof?: unknown }
  return typeof digest === 'string' || $$typeof === Symbol.for('react.postpone')
}
