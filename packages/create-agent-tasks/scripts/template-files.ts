import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ignore, { type Ignore } from 'ignore'

/**
 * What never goes into a template, as .gitignore patterns (the repo's and the app's own .gitignore
 * apply too): installed and built output, local secrets, and what only the repo's test suite uses.
 */
const LEFT_OUT = [
  'node_modules/',
  '.turbo/',
  '.DS_Store',
  '*.tsbuildinfo',
  '*.log',
  '.env',
  '.env.*',
  '!.env.example',
  '/.next/',
  '/dist/',
  '/build/',
  '/.output/',
  '/.nuxt/',
  '/.data/',
  '/.astro/',
  '/.react-router/',
  '/.tanstack/',
  '/.vinxi/',
  '/test-results/',
  '/playwright-report/',
  '/e2e/',
  '/playwright.config.ts',
  '/turbo.json',
  '/biome.json',
  '/scripts/start.mjs',
  // Written by the build from the app's package.json.
  '/package.json',
]

/**
 * What a new project's .gitignore must cover, per template: the repo's root .gitignore covered it for
 * the app, the copy has no root above it.
 */
const GITIGNORE_BASELINE = ['node_modules/', '.env', '.env.*', '!.env.example', '*.tsbuildinfo', '.DS_Store']
const BUILD_OUTPUT: Record<string, string[]> = {
  nextjs: ['.next/', 'next-env.d.ts'],
  nuxt: ['.nuxt/', '.output/', '.data/'],
  astro: ['dist/', '.astro/'],
  'react-router': ['build/', '.react-router/'],
  'tanstack-react-start': ['dist/', '.tanstack/', '.vinxi/', '.output/'],
}

/**
 * The files of the app at `appDir` that make up its template, as paths relative to it ('/' separated).
 * The repo's root .gitignore is applied as if it sat in the app (its patterns are unanchored names).
 */
export function templateFiles(appDir: string, repoRoot: string): string[] {
  const rules = ignore()
  for (const gitignore of [join(repoRoot, '.gitignore'), join(appDir, '.gitignore')]) {
    if (existsSync(gitignore)) rules.add(readFileSync(gitignore, 'utf8'))
  }
  rules.add(LEFT_OUT)
  return walk(appDir, '', rules)
}

function walk(dir: string, prefix: string, rules: Ignore): string[] {
  const files: string[] = []
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`
    if (entry.isDirectory()) {
      if (!rules.ignores(`${path}/`)) files.push(...walk(dir, `${path}/`, rules))
    } else if (entry.isFile() && !rules.ignores(path)) {
      files.push(path)
    }
  }
  return files.sort()
}

/** The template's .gitignore: the app's own lines, then what the baseline adds that they lack. */
export function projectGitignore(template: string, appGitignore: string | undefined): string {
  const own = appGitignore?.trimEnd() ?? ''
  const present = new Set(own.split('\n').map((line) => line.trim()))
  const missing = [...GITIGNORE_BASELINE, ...(BUILD_OUTPUT[template] ?? [])].filter((line) => !present.has(line))
  if (missing.length === 0) return `${own}\n`
  const added = ['# Installed dependencies, local secrets and build output', ...missing].join('\n')
  return own ? `${own}\n\n${added}\n` : `${added}\n`
}
