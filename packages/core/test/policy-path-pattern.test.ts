import { describe, expect, it } from 'vitest'
import {
  type CompiledPattern,
  compilePattern,
  matchesEveryReading,
  matchesAnyReading,
  normalisePath,
  percentDecode,
} from '../src/policy/path-pattern.js'

const pattern = (source: string): CompiledPattern => {
  const compiled = compilePattern(source)
  if (typeof compiled === 'string') throw new Error(`${source}: ${compiled}`)
  return compiled
}
const path = (raw: string) => {
  const normalised = normalisePath(raw)
  if (normalised === undefined) throw new Error(`unreadable: ${raw}`)
  return normalised
}
const denies = (patternSource: string, raw: string) => matchesAnyReading(pattern(patternSource), path(raw))
const allows = (patternSource: string, raw: string) => matchesEveryReading(pattern(patternSource), path(raw))

describe('compilePattern', () => {
  it.each([
    ['billing/**', 'must start with "/"'],
    ['/files/*.pdf', 'whole segments'],
    ['/a**', 'whole segments'],
    ['/a//b', 'empty segment'],
    ['/a/../b', '".."'],
    ['/a/./b', '"."'],
    ['/a/%2E%2E/b', '".."'],
    ['/reports?x=1', '"?"'],
    ['/reports#top', '"#"'],
    ['/a\\b', 'or "\\"'],
    ['/a%2Fb', 'encoded "/"'],
    ['/a%5cb', 'encoded "/"'],
  ])('refuses %s', (source, reason) => {
    const compiled = compilePattern(source)
    expect(typeof compiled).toBe('string')
    expect(compiled).toContain(reason)
  })

  it('accepts a trailing slash, the root, and collapses repeated **', () => {
    expect(pattern('/reports/').tokens).toHaveLength(1)
    expect(pattern('/').tokens).toHaveLength(0)
    expect(pattern('/a/**/**/b').tokens).toHaveLength(3)
  })
})

describe('matching', () => {
  it.each([
    // pattern, path, matches
    ['/billing/**', '/billing', true],
    ['/billing/**', '/billing/', true],
    ['/billing/**', '/billing/invoices/42', true],
    ['/billing/**', '/billing-old', false],
    ['/billing/**', '/api/billing', false],
    ['/reports/*', '/reports/q1', true],
    ['/reports/*', '/reports', false],
    ['/reports/*', '/reports/q1/csv', false],
    ['/a/*/c', '/a/b/c', true],
    ['/a/**/c', '/a/c', true],
    ['/a/**/c', '/a/x/y/c', true],
    ['/a/**/c', '/a/x/y/d', false],
    ['/**/edit', '/posts/1/edit', true],
    ['/**', '/', true],
    ['/*', '/', false],
    ['/', '/', true],
    ['/', '/x', false],
    ['/my docs/**', '/my%20docs/a', true],
    ['/caf%C3%A9', '/café', true],
  ])('%s on %s → %s', (source, raw, expected) => {
    expect(denies(source, raw)).toBe(expected)
    expect(allows(source, raw)).toBe(expected)
  })

  it('matches the pathname only, never the query or fragment', () => {
    expect(denies('/billing/**', '/billing?next=/reports')).toBe(true)
    expect(denies('/reports/**', '/billing?next=/reports/x')).toBe(false)
    expect(denies('/reports/**', '/billing#/reports')).toBe(false)
  })

  it('reads an absolute-form request target by its pathname; anything else is unreadable', () => {
    expect(denies('/billing/**', 'http://app.example/billing/x?y')).toBe(true)
    expect(normalisePath('billing')).toBeUndefined()
    expect(normalisePath('javascript:alert(1)')).toBeUndefined()
    expect(normalisePath('*')).toBeUndefined()
    expect(normalisePath('')?.path).toBe('/')
  })
})

describe('normalisation cannot sneak past a deny on /billing/**', () => {
  it.each([
    '/billing/../billing/x',
    '/x/../billing',
    '/x/../../../billing',
    '/./billing',
    '//billing',
    '/billing//x',
    '/%62illing',
    '/%2e%2e/billing',
    '/x/%2E%2E/billing',
    '/BILLING/x', // case-insensitive routers (Express's default) route this to /billing
    '/Billing',
    '/billing%2Fx', // a router that decodes before splitting
    '/billing%2fx',
    '/x/..%2Fbilling',
    '/x/..%2F..%2Fbilling',
    '/billing%5Cx',
    '/billing\\x',
    '/x\\..\\billing',
    '/billing;x', // matrix parameters, cut by some servers
    '/billing;jsessionid=1/x',
    '/bil\tling',
    '/billing ',
    '//evil.example/billing', // new URL('//evil.example/billing', base).pathname is /billing
    '/\\evil.example/billing',
    // found by the generated-path property below: decoding %2F then resolving dots, as WHATWG reads it
    '/%2E%2E%2f/BILLING/\\%2E%2E/%20',
  ])('%s', (raw) => {
    expect(denies('/billing/**', raw)).toBe(true)
  })

  it('and an allow on /reports/** covers none of the ways out of /reports', () => {
    for (const raw of [
      '/reports/..%2Fbilling',
      '/reports/x%2F..%2F..%2Fbilling',
      '/reports\\..\\billing',
      '/Reports/x',
      '/reports;x/../../billing',
      // found by the generated-path property below: one server reading each, missed by a reading set too coarse
      '/reports/%2E%2E;x/reports%2FBILLING',
      '/reports/..%2f%2F/%5C../%5Creports/é\\',
    ]) {
      expect(allows('/reports/**', raw), raw).toBe(false)
    }
    expect(allows('/reports/**', '/reports/q1;v=2')).toBe(true)
    expect(allows('/reports/**', '/reports/../reports/x')).toBe(true)
  })

  it('is case-sensitive for allows and exact segments: /Reports is not /reports', () => {
    expect(allows('/reports/**', '/REPORTS')).toBe(false)
    expect(denies('/reports/**', '/REPORTS')).toBe(true)
  })
})

describe('normalisePath', () => {
  it('gives one canonical key per exact reading', () => {
    expect(path('/billing/').path).toBe('/billing')
    expect(path('/a/./b/../c//d?q').path).toBe('/a/c/d')
    expect(path('/%61/b').path).toBe('/a/b')
    expect(path('/a%2Fb').path).toBe('/a%2Fb')
    expect(path('/a%2Fb').path).not.toBe(path('/a/b').path)
    expect(path('/a;b').path).toBe('/a%3Bb')
    expect(path('/my%20docs').path).toBe('/my%20docs')
  })

  it('decodes once (%252F stays an encoded slash) and keeps bad escapes literal', () => {
    expect(path('/a%252Fb').exact).toEqual(['a%2Fb'])
    expect(percentDecode('%zz%4')).toBe('%zz%4')
    expect(percentDecode('%C3')).toBe('\uFFFD')
  })
})

/** A small deterministic generator (mulberry32), so the property runs are reproducible without a dependency. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = ['billing', 'BILLING', 'Billing', '%62illing', 'reports', 'x', '..', '.', '', '%2e', '%2E%2E', '%2F', '%2f', '%5C', '\\', ';', ';x', '%3B', '%20', '\t', '%25', 'é', '%C3%A9', '?', '#']

function randomPath(next: () => number): string {
  let raw = ''
  const segments = 1 + Math.floor(next() * 6)
  for (let i = 0; i < segments; i++) {
    raw += '/'
    const parts = Math.floor(next() * 3)
    for (let j = 0; j <= parts; j++) raw += PIECES[Math.floor(next() * PIECES.length)]
  }
  return raw
}

/** Independent readings of a path, as different servers route it (each resolves dots its own way). */
function serverReadings(raw: string): string[][] {
  const pathname = raw.split(/[?#]/, 1)[0] ?? '/'
  const dots = (segments: string[]) => {
    const out: string[] = []
    for (const s of segments) if (s === '..') out.pop(); else if (s !== '' && s !== '.') out.push(s)
    return out
  }
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  const readings = [
    // Web-standard frameworks: WHATWG URL, then the whole pathname decoded before routing.
    ...(URL.canParse(pathname, 'http://h') ? [dots(decode(new URL(pathname, 'http://h').pathname).split('/'))] : []),
    // Express-like: raw segments, case-insensitive.
    pathname.split('/').filter((s) => s !== '').map((s) => s.toLowerCase()),
    // Matrix-parameter servers: raw segments with ;params cut, then decoded.
    dots(pathname.split('/').map((s) => decode(s.split(';')[0] ?? ''))),
  ]
  return readings
}

describe('property: generated paths', () => {
  it('whatever server reading lands in /billing, the deny matches (5 000 paths)', () => {
    const next = random(18)
    for (let run = 0; run < 5000; run++) {
      const raw = randomPath(next)
      const reachesBilling = serverReadings(raw).some((segments) => segments[0]?.toLowerCase() === 'billing')
      if (reachesBilling) expect(denies('/billing/**', raw), JSON.stringify(raw)).toBe(true)
    }
  })

  it('an allow on /reports/** holds only when every server reading is under /reports (5 000 paths)', () => {
    const next = random(1818)
    let allowed = 0
    for (let run = 0; run < 5000; run++) {
      const raw = `/reports${randomPath(next)}`
      if (!allows('/reports/**', raw)) continue
      allowed++
      for (const segments of serverReadings(raw)) expect(segments[0], JSON.stringify(raw)).toBe('reports')
    }
    expect(allowed).toBeGreaterThan(100)
  })

  it('normalising is idempotent: the key read again is the same key (5 000 paths)', () => {
    const next = random(7)
    for (let run = 0; run < 5000; run++) {
      const once = path(randomPath(next))
      expect(path(once.path).exact, once.path).toEqual(once.exact)
    }
  })
})
