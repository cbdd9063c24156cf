import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const srcDir = join(import.meta.dirname, '..', 'src')

/** Modules an entry loads when it is imported: static value imports and re-exports, followed; `import()` and `import type` are not. */
function loadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
    for (const match of code.matchAll(/^(?:import|export)\s+(type\s+)?[^;'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      if (match[1] !== undefined) continue
      const specifier = match[2] ?? ''
      visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
    }
  }
  visit(join(srcDir, entry))
  return new Set([...seen].map((file) => relative(srcDir, file)))
}

// What only listing, the kill switch, Clerk's webhooks and the agent guard's work for agent sessions need: each loads on
// first use, so a bundle that only mints (and a person's request through the guard) carries none of it.
const LOADED_ON_FIRST_USE = [
  'ledger/operations.ts',
  'agent-policy.ts',
  'policy/guard-decision.ts',
  'policy/approvals.ts',
  'policy/decide.ts',
  'policy/session-link-cache.ts',
  'webhooks/handle-webhook.ts',
]

describe('what the entries load at start', () => {
  for (const entry of ['index.ts', 'adapter/index.ts']) {
    it(`${entry} loads none of the ledger's, limits' or agent policy's first-use parts`, () => {
      const loaded = loadedAtStart(entry)
      expect(loaded.has('service.ts')).toBe(true)
      expect(LOADED_ON_FIRST_USE.filter((part) => loaded.has(part))).toEqual([])
    })
  }
})
