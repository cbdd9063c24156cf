/**
 * The path-pattern language of agent policies, and the normalisation every request path goes through
 * before it is matched.
 *
 * Patterns: absolute paths of `/`-separated segments. A segment is a literal (compared after
 * percent-decoding), `*` (exactly one segment) or `**` (any number of segments, none included:
 * `/billing/**` matches `/billing` itself). `*` inside a segment (`/files/*.pdf`), `?`, `#`, `\`,
 * empty segments and `.`/`..` segments are refused when the policy is resolved.
 *
 * A request path is read in several ways, because servers disagree on what a path means:
 * - `exact`: the pathname (never the query), each segment percent-decoded once, empty segments
 *   (`//`, trailing `/`) dropped, `.` and `..` resolved (never above the root); an encoded `%2F`
 *   stays inside its segment; case kept.
 * - `loose`: every way a lenient server could route it, case-folded: with and without resolving
 *   dot segments (Express does not), splitting at `%2F`, `%5C` and `\\` (routers that decode first),
 *   cutting `;parameters` (`/billing;x` as `/billing`), each also applied to the path as the WHATWG
 *   URL parser reads it (drops tabs and newlines, `\\` is `/`, `//host/billing` is `/billing`).
 * Deny and ask rules match when any reading matches; allow rules only when every one does. So nothing a
 * framework might route to `/billing` slips past a deny on it, and an allow never covers a path that
 * some server would read as a different one.
 */

export type PatternToken = { kind: 'globstar' } | { kind: 'star' } | { kind: 'literal'; exact: string; folded: string }

export interface CompiledPattern {
  /** As written by the app. */
  source: string
  tokens: readonly PatternToken[]
}

export interface NormalisedPath {
  /** The exact reading as one path (`/a/b`), segments re-encoded where needed: the key approvals use. */
  path: string
  exact: readonly string[]
  /** Lower-cased: the exact reading alone for a plain path, every lenient reading for one with `%`, `;`, `\\`, dots or controls. */
  loose: ReadonlyArray<readonly string[]>
}

const GLOBSTAR: PatternToken = { kind: 'globstar' }
const STAR: PatternToken = { kind: 'star' }

/** Compiles a pattern, or returns why it is not one (the caller names the option). */
export function compilePattern(source: string): CompiledPattern | string {
  if (typeof source !== 'string') return 'must be a string'
  if (!source.startsWith('/')) return 'must start with "/"'
  if (/[?#\\]/.test(source)) return 'may not contain "?", "#" or "\\" (patterns match the pathname only)'
  const parts = source.split('/').slice(1)
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  if (parts.length === 1 && parts[0] === '') parts.pop()
  const tokens: PatternToken[] = []
  for (const part of parts) {
    if (part === '') return 'may not contain an empty segment ("//")'
    if (part === '**') {
      if (tokens[tokens.length - 1] !== GLOBSTAR) tokens.push(GLOBSTAR)
      continue
    }
    if (part === '*') {
      tokens.push(STAR)
      continue
    }
    if (part.includes('*')) return '`*` and `**` must be whole segments (`/files/*`, not `/files/*.pdf`)'
    const exact = percentDecode(part)
    if (exact === '.' || exact === '..') return 'may not contain "." or ".." segments'
    if (/[/\\]/.test(exact)) return 'may not contain an encoded "/" or "\\" (%2F, %5C)'
    tokens.push({ kind: 'literal', exact, folded: exact.toLowerCase() })
  }
  return { source, tokens }
}

/**
 * The readings of a request path (see the file's comment), or `undefined` when it is neither a
 * path nor an absolute URL: callers refuse such requests.
 */
export function normalisePath(raw: string): NormalisedPath | undefined {
  const pathname = pathnameOf(raw)
  if (pathname === undefined) return undefined
  const exact = resolveDots(pathname.split('/').map(percentDecode))
  const loose = needsLooseReadings(pathname) ? looseReadings(pathname) : [exact.map(fold)]
  return { path: `/${exact.map(encodeSegment).join('/')}`, exact, loose }
}

/** Whether any reading of `path` matches: how deny and ask rules match. */
export function matchesAnyReading(pattern: CompiledPattern, path: NormalisedPath): boolean {
  return matchSegments(pattern.tokens, path.exact, false) || path.loose.some((reading) => matchSegments(pattern.tokens, reading, true))
}

/** Whether every reading of `path` matches: how allow rules match. */
export function matchesEveryReading(pattern: CompiledPattern, path: NormalisedPath): boolean {
  return matchSegments(pattern.tokens, path.exact, false) && path.loose.every((reading) => matchSegments(pattern.tokens, reading, true))
}

function pathnameOf(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined
  if (raw === '') return '/'
  if (raw.startsWith('/')) return raw.split(/[?#]/, 1)[0] ?? '/'
  // An absolute-form request target (`GET http://host/path`): its pathname, as the WHATWG parser reads it.
  return URL.canParse(raw) && /^https?:/i.test(raw) ? new URL(raw).pathname : undefined
}

/** Whether lenient servers could read the path differently from its exact reading (else its folded exact reading is the only one). */
function needsLooseReadings(pathname: string): boolean {
  // Only these change how a lenient server splits a path: other escapes decode the same in every reading.
  if (pathname.startsWith('//') || /[;\\]|%2[ef]|%5c/i.test(pathname) || /(?:^|\/)\.\.?(?:\/|$)/.test(pathname)) return true
  for (let index = 0; index < pathname.length; index++) if (pathname.charCodeAt(index) <= 0x20 || pathname.charCodeAt(index) === 0x7f) return true
  return false
}

interface Variant {
  /** `\\` separates segments. */
  backslash: boolean
  /** What a decoded segment is split at: `%2F`, and `%5C` too when `\\` separates. */
  separators: RegExp | undefined
  cutParameters: boolean
  dots: boolean
}

const VARIANTS: readonly Variant[] = [false, true].flatMap((backslash) =>
  [false, true].flatMap((encodedSlash) =>
    [false, true].flatMap((cutParameters) =>
      [false, true].map((dots) => ({
        backslash,
        separators: encodedSlash ? (backslash ? /[/\\]/ : /\//) : backslash ? /\\/ : undefined,
        cutParameters,
        dots,
      })),
    ),
  ),
)

/**
 * Every way a lenient server could split the path, case-folded: the raw path and the WHATWG
 * parser's reading of it, each with and without: `\\` (and `%5C`) separating segments, `%2F`
 * separating segments, `;parameters` cut, dot segments resolved (16 variants, duplicates dropped).
 */
function looseReadings(pathname: string): string[][] {
  // As the WHATWG URL parser reads it too (`\\` is `/`, `%2e` segments resolved with empty segments
  // counted, tabs and newlines dropped, `//host/billing` is `/billing`): what Web-standard frameworks route.
  const sources = new Set([pathname])
  if (URL.canParse(pathname, 'http://h')) sources.add(new URL(pathname, 'http://h').pathname)
  const readings = new Map<string, string[]>()
  for (const source of sources) {
    for (const variant of VARIANTS) {
      const segments = (variant.backslash ? source.replaceAll('\\', '/') : source).split('/').flatMap((segment) => {
        const decoded = percentDecode(variant.cutParameters ? (segment.split(';', 1)[0] ?? '') : segment)
        return variant.separators === undefined ? [decoded] : decoded.split(variant.separators)
      })
      const reading = (variant.dots ? resolveDots(segments) : segments.filter((segment) => segment !== '')).map(fold)
      readings.set(reading.join('\u0000'), reading)
    }
  }
  return [...readings.values()]
}

function fold(segment: string): string {
  return segment.toLowerCase()
}

/** `.` and `..` resolved, empty segments dropped; `..` at the root stays at the root. */
function resolveDots(segments: readonly string[]): string[] {
  const out: string[] = []
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') out.pop()
    else out.push(segment)
  }
  return out
}

const utf8 = new TextDecoder('utf-8', { fatal: false })

/** Decodes every `%XX` once; invalid UTF-8 becomes U+FFFD and a `%` not followed by two hex digits stays. */
export function percentDecode(segment: string): string {
  if (!segment.includes('%')) return segment
  return segment.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3)
    for (let index = 0; index < bytes.length; index++) bytes[index] = Number.parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16)
    return utf8.decode(bytes)
  })
}

/** Encodes what would change a segment's meaning if written bare, and nothing else, so keys stay readable. */
function encodeSegment(segment: string): string {
  let encoded = ''
  for (const char of segment) {
    const code = char.charCodeAt(0)
    encoded += code <= 0x20 || code === 0x7f || '%/\\?#;'.includes(char) ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : char
  }
  return encoded
}

/** Glob matching over segments: `*` takes one, `**` any run (backtracking to the last `**` only). */
function matchSegments(tokens: readonly PatternToken[], segments: readonly string[], folded: boolean): boolean {
  let t = 0
  let s = 0
  let globstarAt = -1
  let resumeAt = 0
  while (s < segments.length) {
    const token = tokens[t]
    if (token !== undefined && token.kind === 'globstar') {
      globstarAt = t
      resumeAt = s
      t++
    } else if (token !== undefined && (token.kind === 'star' || (folded ? token.folded : token.exact) === segments[s])) {
      t++
      s++
    } else if (globstarAt >= 0) {
      t = globstarAt + 1
      resumeAt++
      s = resumeAt
    } else {
      return false
    }
  }
  while (tokens[t]?.kind === 'globstar') t++
  return t === tokens.length
}
