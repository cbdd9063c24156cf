import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEMPLATES } from '../src/templates.ts'
import { cleanEnv, filesUnder, PACKAGE_DIR, readJson, run, tempDir } from './support.ts'

const SCRIPT = join(PACKAGE_DIR, 'scripts/build-templates.ts')

function write(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
}

/**
 * A repo in the shape apps/* had before they became standalone: `workspace:` and `catalog:` ranges,
 * a private test harness, e2e specs, turbo/biome/Playwright wiring, a start script, plus what a
 * working tree collects (node_modules, build output, .env files).
 */
function repoInTheOldShape(appManifest: Record<string, unknown>): string {
  const root = tempDir('repo')
  write(root, {
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - apps/*\ncatalog:\n  next: ^16.4.6\n  "@clerk/nextjs": ^7.9.17\ncatalogs:\n  legacy:\n    old-lib: ^1.2.3\n',
    '.gitignore': 'node_modules/\ndist/\n.env\n',
    'packages/nextjs/package.json': JSON.stringify({ name: '@agent-tasks/nextjs', version: '0.3.1' }),
    'packages/emulator/package.json': JSON.stringify({ name: '@agent-tasks/emulator', version: '0.2.0' }),
    'packages/sample-app-e2e/package.json': JSON.stringify({ name: '@agent-tasks/sample-app-e2e', version: '0.0.0', private: true }),
    'packages/util/package.json': JSON.stringify({ name: 'util-lib', version: '2.1.0' }),
  })
  for (const template of TEMPLATES) {
    write(join(root, 'apps', template), {
      'package.json': JSON.stringify({ name: `@agent-tasks/app-${template}`, version: '0.0.0', private: true, type: 'module', ...appManifest }),
      '.gitignore': 'audit.jsonl\n',
      'audit.jsonl': '{}\n',
      '.env': 'CLERK_SECRET_KEY=sk_test_secret\n',
      '.env.local': 'X=1\n',
      '.env.example': 'CLERK_SECRET_KEY=\n',
      'README.md': '# app\n',
      'tsconfig.json': '{}\n',
      'src/index.ts': 'export {}\n',
      'src/build/keep.ts': 'export {}\n',
      'public/.gitignore': '*.tmp\n',
      'scripts/start.mjs': '',
      'scripts/seed.mjs': '',
      'node_modules/dep/index.js': '',
      'src/node_modules/x.js': '',
      'build/server.js': '',
      'dist/client.js': '',
      '.next/BUILD_ID': '',
      '.nuxt/nuxt.d.ts': '',
      '.turbo/turbo-build.log': '',
      'test-results/.last-run.json': '',
      'e2e/app.spec.ts': '',
      'playwright.config.ts': '',
      'turbo.json': '{}',
      'biome.json': '{}',
      'tsconfig.tsbuildinfo': '',
    })
  }
  return root
}

async function build(root: string) {
  const out = join(tempDir('templates'), 'templates')
  const ran = await run(process.execPath, [SCRIPT, '--root', root, '--out', out], PACKAGE_DIR, cleanEnv())
  return { ...ran, out }
}

describe('scripts/build-templates.ts (the build step) on apps in the shape they had inside the repo', () => {
  it('copies the app’s own files only, with an installable package.json and the .gitignore stored as _gitignore', async () => {
    const root = repoInTheOldShape({
      scripts: { dev: 'next dev', start: 'node scripts/start.mjs', lint: 'biome lint .', e2e: 'playwright test' },
      dependencies: { '@agent-tasks/nextjs': 'workspace:*', '@agent-tasks/emulator': 'workspace:^', next: 'catalog:', '@clerk/nextjs': 'catalog:default', 'util-lib': 'workspace:~', 'old-lib': 'catalog:legacy', zod: '^4.0.0' },
      devDependencies: { '@agent-tasks/sample-app-e2e': 'workspace:*', 'util-lib': 'workspace:^2.0.0' },
    })
    const ran = await build(root)
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.stderr).toContain('nextjs: left out devDependencies.@agent-tasks/sample-app-e2e (workspace:*), a private workspace package')
    expect(ran.stderr).toContain('nextjs: left out the script e2e (playwright test), for a tool configured only in the repo')
    for (const template of TEMPLATES) {
      const dir = join(ran.out, template)
      expect(filesUnder(dir).sort(), template).toEqual(['.env.example', 'README.md', '_gitignore', 'package.json', 'public/_gitignore', 'scripts/seed.mjs', 'src/build/keep.ts', 'src/index.ts', 'tsconfig.json'])
      expect(readJson(join(dir, 'package.json'))).toEqual({
        name: `agent-tasks-${template}`,
        version: '0.1.0',
        type: 'module',
        scripts: { dev: 'next dev', start: 'node scripts/start.mjs' },
        dependencies: { '@agent-tasks/nextjs': '^0.3.1', '@agent-tasks/emulator': '^0.2.0', next: '^16.4.6', '@clerk/nextjs': '^7.9.17', 'util-lib': '~2.1.0', 'old-lib': '^1.2.3', zod: '^4.0.0' },
        devDependencies: { 'util-lib': '^2.0.0' },
      })
      const gitignore = readFileSync(join(dir, '_gitignore'), 'utf8')
      expect(gitignore.startsWith('audit.jsonl\n\n# Installed dependencies, local secrets and build output\nnode_modules/\n.env\n.env.*\n!.env.example\n')).toBe(true)
      expect(readFileSync(join(dir, 'public/_gitignore'), 'utf8')).toBe('*.tmp\n')
    }
    expect(readFileSync(join(ran.out, 'nextjs/_gitignore'), 'utf8')).toMatch(/^\.next\/$/m)
    expect(readFileSync(join(ran.out, 'nuxt/_gitignore'), 'utf8')).toMatch(/^\.output\/$/m)
  })

  it('refuses a catalog: range the catalog lacks, naming the template and the dependency', async () => {
    const ran = await build(repoInTheOldShape({ dependencies: { react: 'catalog:' } }))
    expect(ran.code).toBe(1)
    expect(ran.stderr).toContain("build-templates: express: react is catalog: but pnpm-workspace.yaml's catalog has no react.")
  })

  it('refuses a workspace: range no workspace package answers, and a range npm cannot install', async () => {
    const missing = await build(repoInTheOldShape({ dependencies: { 'not-here': 'workspace:*' } }))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('express: not-here is workspace:* but no workspace package is named not-here.')
    const linked = await build(repoInTheOldShape({ dependencies: { local: 'link:../local' } }))
    expect(linked.code).toBe(1)
    expect(linked.stderr).toContain('express: package.json still has local: link:../local, which npm cannot install.')
  })
})
