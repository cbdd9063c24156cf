import { execFileSync } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEMPLATES } from '../src/templates.ts'
import { cleanEnv, filesUnder, PACKAGE_DIR, run, tempDir } from './support.ts'

/**
 * The package as published (`pnpm pack`, the packer of the release's `changeset publish`), installed
 * with npm into a project outside the repo, and its bin run from there: the templates travel inside.
 */
describe('the packed package', { timeout: 180_000 }, () => {
  it('carries every template, with _gitignore (npm drops .gitignore) and .env.example, and scaffolds from an npm install', async () => {
    const packs = tempDir('pack')
    execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: PACKAGE_DIR, stdio: 'pipe' })
    const [tarball] = readdirSync(packs)
    const listed = execFileSync('tar', ['tzf', join(packs, tarball!)], { encoding: 'utf8' }).split('\n')
    for (const template of TEMPLATES) {
      for (const file of ['package.json', '_gitignore', '.env.example', 'README.md']) expect(listed, `${template}/${file}`).toContain(`package/templates/${template}/${file}`)
    }
    expect(listed.filter((path) => path.endsWith('.gitignore'))).toEqual([])
    expect(listed).toEqual(expect.arrayContaining(['package/bin/create-agent-tasks.js', 'package/dist/cli.js', 'package/LICENSE', 'package/README.md']))

    const project = tempDir('user-project')
    writeFileSync(join(project, 'package.json'), '{ "name": "user-project", "private": true }\n')
    const env = cleanEnv({ npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' })
    const installed = await run('npm', ['install', join(packs, tarball!)], project, env)
    expect(installed.code, installed.stderr).toBe(0)
    const ran = await run(join(project, 'node_modules/.bin/create-agent-tasks'), ['my-app', '--template', 'nuxt', '--no-install'], project, env)
    expect(ran.code, ran.stderr).toBe(0)
    const files = filesUnder(join(project, 'my-app'))
    expect(files).toEqual(expect.arrayContaining(['.gitignore', '.env.example', 'package.json', 'nuxt.config.ts']))
    expect(files).not.toContain('_gitignore')
  })
})
