import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { sampleApps, sampleAppsDir } from '../src/apps.ts'
import { type Manifest, pnpmCatalog, readManifest, satisfiesCaret, workspacePackages } from './workspace.ts'

// Each folder under apps/ is a template a user copies out of the repository (create-agent-tasks ships
// them): nothing in it may need the monorepo. Checked here on every test run; the registry test
// installs and runs the copies.

const BUILD_OUTPUT = new Set(['node_modules', 'dist', 'build', '.next', '.nuxt', '.output', '.astro', '.react-router', '.tanstack', '.turbo', 'test-results'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (BUILD_OUTPUT.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : [path]
  })
}

function dependencies(manifest: Manifest): [string, string][] {
  return Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })
}

const workspace = workspacePackages()
const catalog = pnpmCatalog()
const privatePackages = [...workspace.values()].filter((manifest) => manifest.private).map((manifest) => manifest.name)

describe.each(Object.keys(sampleApps))('apps/%s', (folder) => {
  const dir = join(sampleAppsDir(), folder)
  const manifest = readManifest(dir)

  test('depends on real semver ranges only: @agent-tasks/* met by this repo’s versions, the rest as the catalog has them', () => {
    for (const [name, range] of dependencies(manifest)) {
      expect(range, name).not.toMatch(/^(workspace|catalog|link|file):/)
      const local = workspace.get(name)
      if (local) {
        expect(local.private, `${name} is private: a template cannot install it`).not.toBe(true)
        expect(satisfiesCaret(local.version, range), `${name}@${range} does not match this repo’s ${local.version}`).toBe(true)
      } else {
        // The catalog's range, or the same version held to its minor (`~` for `^`) where a newer minor breaks the template.
        const catalogRange = catalog.get(name)
        expect([catalogRange, catalogRange?.replace(/^\^/, '~')], `${name}@${range}: the range in pnpm-workspace.yaml’s catalog`).toContain(range)
      }
    }
  })

  test('runs on the emulator through its own scripts, with no test tooling', () => {
    expect(manifest.engines?.node).toMatch(/\d/)
    expect(manifest.scripts?.start).toMatch(/^agent-tasks-emulator run -- \S/)
    expect(manifest.scripts?.dev).toMatch(/^agent-tasks-emulator run -- \S/)
    expect(manifest.scripts?.typecheck).toBeDefined()
    expect(manifest.dependencies?.['@agent-tasks/emulator']).toBeDefined()
    expect(Object.keys(manifest.scripts ?? {})).not.toContain('e2e')
    expect(dependencies(manifest).map(([name]) => name)).not.toContain('@playwright/test')
  })

  test('has none of the repository’s wiring: no start script, e2e, Playwright, turbo or biome config', () => {
    for (const path of ['scripts/start.mjs', 'e2e', 'playwright.config.ts', 'turbo.json', 'biome.json']) {
      expect(existsSync(join(dir, path)), path).toBe(false)
    }
  })

  test('has a tsconfig.json of its own, extending nothing outside the folder', () => {
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as { extends?: string | string[] }
    for (const base of [tsconfig.extends ?? []].flat()) expect(base, 'tsconfig.json extends').toMatch(/^\.\/(?!\.\.)/)
  })

  test('names no private workspace package in its code or configuration', () => {
    for (const file of sourceFiles(dir).filter((path) => !path.endsWith('.md'))) {
      const text = readFileSync(file, 'utf8')
      for (const name of privatePackages) expect(text.includes(name), `${relative(dir, file)} names ${name}`).toBe(false)
    }
  })

  test('its README says how to start it, how to use real Clerk keys and the Node version', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8')
    expect(readme).toContain('npm run dev')
    expect(readme).toContain('npm start')
    expect(readme).toContain('CLERK_SECRET_KEY')
    expect(readme, 'the Node.js versions of engines.node').toContain(manifest.engines?.node ?? 'engines.node')
  })
})

// Express and Fastify cannot import from each other and still install alone, so the clerk-js wiring is
// a copy in each: kept identical here, so a fix to one cannot miss the other.
describe('the clerk-js wiring Express and Fastify both carry', () => {
  test.each(['src/clerk-ui.ts', 'public/clerk-ui.js', 'src/html.ts'])('%s is the same file in both apps', (path) => {
    const express = readFileSync(join(sampleAppsDir(), 'express', path), 'utf8')
    const fastify = readFileSync(join(sampleAppsDir(), 'fastify', path), 'utf8')
    expect(fastify).toBe(express)
  })
})
