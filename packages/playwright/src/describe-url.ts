/** `origin + pathname` of a URL — what an error may show of a page address (no query, no fragment). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return '(an unparsable URL)'
  }
}
