// Copies each apps/<name> of the repo into templates/<name>/ of this package, as a user's project
// starts out: the files a template is made of (see template-files.ts), its package.json with ranges
// npm can install (template-manifest.ts), and every .gitignore stored as _gitignore (npm leaves
// .gitignore files out of a tarball; the scaffold renames them back). Run by `pnpm build`.
//   node scripts/build-templates.ts [--root <repo>] [--out <dir>]
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { STORED_GITIGNORE, TEMPLATES } from '../src/templates.ts'
import { projectGitignore, templateFiles } from './template-files.ts'
import { publishableManifest } from './template-manifest.ts'
import { readJson, readWorkspace } from './workspace.ts'

const { values } = parseArgs({ options: { root: { type: 'string' }, out: { type: 'string' } } })
const root = resolve(values.root ?? join(import.meta.dirname, '../../..'))
const out = resolve(values.out ?? join(import.meta.dirname, '../templates'))
const warn = (message: string) => process.stderr.write(`build-templates: warning: ${message}\n`)

try {
  const workspace = readWorkspace(root)
  rmSync(out, { recursive: true, force: true })
  for (const template of TEMPLATES) {
    const appDir = join(root, 'apps', template)
    if (!existsSync(join(appDir, 'package.json'))) throw new Error(`apps/${template}/package.json is missing: every template is built from its app.`)
    const target = join(out, template)
    mkdirSync(target, { recursive: true })
    // The app's own .gitignore is written below, completed.
    for (const file of templateFiles(appDir, root).filter((path) => path !== '.gitignore')) {
      const destination = join(target, basename(file) === '.gitignore' ? join(dirname(file), STORED_GITIGNORE) : file)
      mkdirSync(dirname(destination), { recursive: true })
      copyFileSync(join(appDir, file), destination)
    }
    const appGitignore = join(appDir, '.gitignore')
    writeFileSync(join(target, STORED_GITIGNORE), projectGitignore(template, existsSync(appGitignore) ? readFileSync(appGitignore, 'utf8') : undefined))
    const manifest = publishableManifest(template, readJson(join(appDir, 'package.json')), workspace, warn)
    writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    const tsconfig = join(appDir, 'tsconfig.json')
    if (existsSync(tsconfig) && /"extends"\s*:\s*"\.\./.test(readFileSync(tsconfig, 'utf8'))) {
      warn(`${template}: tsconfig.json extends a file outside the app, which a user's copy does not have`)
    }
  }
  process.stdout.write(`build-templates: ${TEMPLATES.length} templates in ${out}\n`)
} catch (error) {
  process.stderr.write(`build-templates: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
