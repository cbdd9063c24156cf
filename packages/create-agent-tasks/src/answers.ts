import { isCancel, select, text } from '@clack/prompts'
import { CreateError, EXIT } from './exit.js'
import { PACKAGE_MANAGERS, type PackageManager } from './package-manager.js'
import { assertUsable, DEFAULT_DIRECTORY, whyNotUsable } from './target-directory.js'
import { DEFAULT_TEMPLATE, TEMPLATE_LABELS, TEMPLATES, type TemplateName } from './templates.js'

/** What the command line said (commander has already refused values outside the choices). */
export interface Given {
  directory?: string | undefined
  template?: TemplateName | undefined
  packageManager?: PackageManager | undefined
  yes?: boolean | undefined
}

export interface Answers {
  directory: string
  template: TemplateName
  packageManager: PackageManager
}

/** How a missing answer is filled in: asked on a terminal, else the default (`--yes`), else refused. */
export type Asking = 'ask' | 'defaults' | 'refuse'

/**
 * Every answer, from the command line first. The directory is checked as soon as it is known, so a
 * non-empty one is refused before any further question.
 */
export async function answer(given: Given, asking: Asking, detected: PackageManager): Promise<Answers> {
  if (asking === 'refuse') refuseMissing(given)
  const directory = given.directory ?? (await missingDirectory(asking))
  assertUsable(directory)
  const template = given.template ?? (await missingTemplate(asking))
  const packageManager = given.packageManager ?? (asking === 'ask' ? await askPackageManager(detected) : detected)
  return { directory, template, packageManager }
}

/** Without a terminal, a missing directory or template is a usage error naming each one missing. */
function refuseMissing(given: Given): void {
  const missing = [
    ...(given.directory === undefined ? [`the directory (the first argument, e.g. my-app)`] : []),
    ...(given.template === undefined ? [`--template <name> (one of ${TEMPLATES.join(', ')})`] : []),
  ]
  if (missing.length === 0) return
  throw new CreateError(
    `missing ${missing.join(' and ')}, and no terminal to ask on. Add ${missing.length > 1 ? 'them' : 'it'}, or --yes to take the defaults (./${DEFAULT_DIRECTORY}, --template ${DEFAULT_TEMPLATE}).`,
    EXIT.usage,
  )
}

async function missingDirectory(asking: Asking): Promise<string> {
  if (asking === 'defaults') return DEFAULT_DIRECTORY
  return answered(
    await text({
      message: 'Where should the app be created?',
      placeholder: DEFAULT_DIRECTORY,
      defaultValue: DEFAULT_DIRECTORY,
      validate: (value) => whyNotUsable(value?.trim() || DEFAULT_DIRECTORY),
    }),
  ).trim()
}

async function missingTemplate(asking: Asking): Promise<TemplateName> {
  if (asking === 'defaults') return DEFAULT_TEMPLATE
  return answered(
    await select<TemplateName>({
      message: 'Which framework?',
      options: TEMPLATES.map((value) => ({ value, label: TEMPLATE_LABELS[value] })),
      initialValue: DEFAULT_TEMPLATE,
    }),
  )
}

async function askPackageManager(detected: PackageManager): Promise<PackageManager> {
  return answered(
    await select<PackageManager>({
      message: 'Which package manager?',
      options: PACKAGE_MANAGERS.map((value) => ({ value, ...(value === detected ? { hint: 'the one running this' } : {}) })),
      initialValue: detected,
    }),
  )
}

/** The answer, unless the user cancelled the question (Ctrl-C, Esc). */
function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) throw new CreateError('Cancelled: nothing was written.', EXIT.cancelled)
  return value as Exclude<T, symbol>
}
