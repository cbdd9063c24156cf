import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const srcDir = join(import.meta.dirname, '..', 'src')

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  )
}

describe('main entry', () => {
  it('imports no Node built-ins (only the ./node entry may), so it runs on edge runtimes', () => {
    const offenders = sourceFiles(srcDir)
      .filter((file) => relative(srcDir, file) !== 'node.ts')
      .filter((file) => /from ['"]node:|require\(['"]node:|\bprocess\.|\bBuffer\./.test(withoutComments(readFileSync(file, 'utf8'))))
    expect(offenders).toEqual([])
  })
})
