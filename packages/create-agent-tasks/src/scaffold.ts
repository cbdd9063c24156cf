import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { STORED_GITIGNORE, type TemplateName } from './templates.js'

/** The templates the build copied into the package (`templates/<name>/`, next to `dist/`). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url))

export interface Scaffolded {
  /** The app's package.json scripts, for the next steps. */
  scripts: Record<string, string>
}

/**
 * Writes template `template` into `target` (absent or empty: checked before) as package `name`. On
 * failure it removes what it wrote, so a failed run leaves nothing behind.
 */
export async function scaffold(template: TemplateName, target: string, name: string): Promise<Scaffolded> {
  const source = join(TEMPLATES_DIR, template)
  if (!existsSync(join(source, 'package.json'))) {
    throw new Error(`the ${template} template is missing from this package (${source}): reinstall create-agent-tasks.`)
  }
  const created = !existsSync(target)
  try {
    await copyTree(source, target)
    return await nameThePackage(target, name)
  } catch (error) {
    if (created) await rm(target, { recursive: true, force: true })
    else for (const entry of await readdir(target)) await rm(join(target, entry), { recursive: true, force: true })
    throw error
  }
}

async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const destination = join(to, entry.name === STORED_GITIGNORE ? '.gitignore' : entry.name)
    if (entry.isDirectory()) await copyTree(source, destination)
    else if (entry.isFile()) await copyFile(source, destination)
  }
}

async function nameThePackage(target: string, name: string): Promise<Scaffolded> {
  const path = join(target, 'package.json')
  const { name: _templateName, ...rest } = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  await writeFile(path, `${JSON.stringify({ name, ...rest }, null, 2)}\n`)
  return { scripts: (rest.scripts ?? {}) as Record<string, string> }
}
