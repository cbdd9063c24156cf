import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEMPLATES } from '../src/templates.ts'
import { BIN, cleanEnv, create, filesUnder, PACKAGE_DIR, REPO_ROOT, readJson, repoVersions, run, tempDir } from './support.ts'

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']
/** What no template and no scaffolded app may contain (repo-only wiring, installed or built output, secrets). */
const NEVER = /(^|\/)(node_modules|\.turbo|\.env|\.env\.local)(\/|$)|^(e2e|\.next|dist|build|\.output|\.nuxt|\.astro|\.react-router|\.tanstack|\.vinxi|test-results)\/|^(playwright\.config\.ts|turbo\.json|biome\.json|scripts\/start\.mjs)$/

/** The checks every app's package.json must pass, whether shipped in the package or scaffolded. */
function expectInstallableManifest(manifest: Record<string, unknown>, name: string) {
  const versions = repoVersions()
  expect(manifest.name).toBe(name)
  expect(manifest.version).toBe('0.1.0')
  expect(manifest).not.toHaveProperty('private')
  expect(JSON.stringify(manifest)).not.toMatch(/"(workspace|catalog|link|file):/)
  for (const field of DEPENDENCY_FIELDS) {
    for (const [dependency, range] of Object.entries((manifest[field] ?? {}) as Record<string, string>)) {
      if (!dependency.startsWith('@agent-tasks/')) continue
      expect(range, `${field}.${dependency}`).toBe(`^${versions.get(dependency)}`)
      expect(dependency, 'no private package of the repo').not.toBe('@agent-tasks/sample-app-e2e')
    }
  }
  expect(Object.keys((manifest.dependencies ?? {}) as object).some((dependency) => dependency.startsWith('@agent-tasks/'))).toBe(true)
}

describe('the templates shipped in the package (templates/, built from apps/*)', () => {
  it('are exactly the 7, each with an installable package.json and its .gitignore stored as _gitignore', () => {
    expect(filesUnder(join(PACKAGE_DIR, 'templates')).map((path) => path.split('/')[0]).filter((v, i, all) => all.indexOf(v) === i).sort()).toEqual([...TEMPLATES].sort())
    for (const template of TEMPLATES) {
      const dir = join(PACKAGE_DIR, 'templates', template)
      expectInstallableManifest(readJson(join(dir, 'package.json')), `agent-tasks-${template}`)
      const files = filesUnder(dir)
      expect(files, template).toContain('_gitignore')
      expect(files.filter((path) => path.endsWith('.gitignore')), template).toEqual([])
      expect(files.filter((path) => NEVER.test(path)), template).toEqual([])
    }
  })

  it('hold each app’s own files unchanged, and every file git tracks in the app but the repo-only ones', () => {
    for (const template of TEMPLATES) {
      const dir = join(PACKAGE_DIR, 'templates', template)
      const app = join(REPO_ROOT, 'apps', template)
      const shipped = filesUnder(dir).filter((path) => path !== 'package.json' && path !== '_gitignore')
      for (const path of shipped) expect(readFileSync(join(dir, path)).equals(readFileSync(join(app, path))), `${template}/${path} differs from apps/ (rebuild: pnpm --filter create-agent-tasks build)`).toBe(true)
      const tracked = execFileSync('git', ['ls-files', '-z', '.'], { cwd: app, encoding: 'utf8' })
        .split('\0')
        .filter((path) => path && existsSync(join(app, path)) && !NEVER.test(path) && path !== 'package.json' && path !== '.gitignore')
      expect(tracked.filter((path) => !shipped.includes(path)), template).toEqual([])
    }
  })
})

describe('create-agent-tasks <dir> --template <name> --yes --no-install', () => {
  it.each(TEMPLATES)('%s: the app, named after its directory, with nothing of the repo', async (template) => {
    const cwd = tempDir()
    const ran = await create([`My ${template} App`, '--template', template, '--yes', '--no-install'], cwd)
    expect(ran.code, ran.stderr).toBe(0)
    const app = join(cwd, `My ${template} App`)
    const manifest = readJson(join(app, 'package.json'))
    expectInstallableManifest(manifest, `my-${template}-app`)

    const files = filesUnder(app)
    expect(files).toContain('.gitignore')
    expect(readFileSync(join(app, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m)
    expect(readFileSync(join(app, '.gitignore'), 'utf8')).toMatch(/^\.env$/m)
    expect(files).not.toContain('_gitignore')
    expect(files).toContain('README.md')
    expect(files.filter((path) => NEVER.test(path))).toEqual([])
    // Everything else exactly as shipped.
    const shipped = join(PACKAGE_DIR, 'templates', template)
    expect(files.filter((path) => path !== '.gitignore').sort()).toEqual(filesUnder(shipped).filter((path) => path !== '_gitignore').sort())
    expect(readFileSync(join(app, '.gitignore')).equals(readFileSync(join(shipped, '_gitignore')))).toBe(true)

    const scripts = manifest.scripts as Record<string, string>
    expect(ran.stdout).toContain(`Created my-${template}-app in ${app} from the ${template} template.`)
    expect(ran.stdout).toContain(`cd 'My ${template} App'\n  npm install\n  ${'dev' in scripts ? 'npm run dev' : 'npm start'}\n`)
    expect(ran.stderr).toBe('')
  })

  it('--yes alone: ./my-agent-tasks-app from the nextjs template', async () => {
    const cwd = tempDir()
    const ran = await create(['--yes', '--no-install'], cwd)
    expect(ran.code, ran.stderr).toBe(0)
    expect(readJson(join(cwd, 'my-agent-tasks-app/package.json')).dependencies).toHaveProperty('@agent-tasks/nextjs')
    expect(ran.stdout).toContain('cd my-agent-tasks-app\n')
  })

  it('"." creates the app in the working directory, named after it, with no cd step', async () => {
    const cwd = join(tempDir(), 'Über App_1')
    execFileSync('mkdir', [cwd])
    const ran = await create(['.', '--template', 'fastify', '--no-install'], cwd)
    expect(ran.code, ran.stderr).toBe(0)
    expect(readJson(join(cwd, 'package.json')).name).toBe('uber-app_1')
    expect(ran.stdout).not.toContain('cd ')
    expect(ran.stdout).toMatch(/Next steps:\n {2}npm install\n/)
  })

  it('a directory named like a Node built-in gets a name npm accepts', async () => {
    const cwd = tempDir()
    const ran = await create(['http', '--template', 'express', '--no-install'], cwd)
    expect(ran.code, ran.stderr).toBe(0)
    expect(readJson(join(cwd, 'http/package.json')).name).toBe('http-app')
  })

  /** The machine's own Node (Node 20 on CI), when it is not the toolchain's: the engines floor, exercised. */
  const systemNode = '/usr/bin/node'
  const olderNode = existsSync(systemNode) && execFileSync(systemNode, ['--version'], { encoding: 'utf8' }).trim() !== process.version
  it.runIf(olderNode)('runs on the machine’s older Node too (engines: >=20.12.0)', async () => {
    const cwd = tempDir()
    const ran = await run(systemNode, [BIN, 'app', '--template', 'tanstack-react-start', '--no-install'], cwd, cleanEnv())
    expect(ran.code, ran.stderr).toBe(0)
    expect(readJson(join(cwd, 'app/package.json')).name).toBe('app')
    expect(existsSync(join(cwd, 'app/.gitignore'))).toBe(true)
  })
})
