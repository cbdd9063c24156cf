/**
 * The longest start of `text` of at most `maxLength` UTF-16 units (the unit JavaScript and core's
 * length limits count) that does not end in half of a surrogate pair: `slice` alone can cut an emoji
 * in two, leaving a lone surrogate that core refuses and JSON stores cannot round-trip.
 */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const end = maxLength > 0 && /[\uD800-\uDBFF]/.test(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength
  return text.slice(0, end)
}
