import { readFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { EmulatorSeed } from '../types.js'
import { SeedError, validateSeed } from './validate.js'

/**
 * Reads and validates a seed file (`.json`, `.yaml` or `.yml`) for `--seed`. Throws a {@link SeedError}
 * naming the file (as given), and the entry and field when its content is wrong.
 */
export function loadSeedFile(path: string, cwd: string = process.cwd()): EmulatorSeed {
  const extension = extname(path).toLowerCase()
  if (!['.json', '.yaml', '.yml'].includes(extension)) {
    throw new SeedError(`${path}: a seed file must end in .json, .yaml or .yml.`)
  }
  let text: string
  try {
    text = readFileSync(resolve(cwd, path), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SeedError(`${path}: cannot read the seed file (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}).`)
  }
  let parsed: unknown
  try {
    // YAML 1.2 core schema (no `yes`/`no` booleans); duplicate keys are errors.
    parsed = extension === '.json' ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 })
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new SeedError(`${path}: not valid ${extension === '.json' ? 'JSON' : 'YAML'} (${detail}).`)
  }
  return validateSeed(parsed, path)
}
