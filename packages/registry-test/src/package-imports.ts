import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { KNOWN_EXPORTS } from './known-exports.ts'
import { runCommand } from './run-command.ts'
import { catalogRange, type PublicPackage } from './workspace.ts'

export interface EntryPoint {
  /** What a user imports, e.g. `@agent-tasks/core/adapter`. */
  specifier: string
  /** An export it must have ({@link KNOWN_EXPORTS}). */
  exportName: string
  /** Its `exports` entry has a `require` condition: it ships CommonJS. */
  cjs: boolean
}

/** The package's entry points (every `exports` key but `./package.json`), each with its known export. */
export function entryPoints(pkg: PublicPackage): EntryPoint[] {
  return Object.entries(pkg.manifest.exports ?? {})
    .filter(([key]) => key !== './package.json')
    .map(([key, target]) => {
      const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.replace(/^\.\//, '')}`
      const exportName = KNOWN_EXPORTS[specifier]
      if (!exportName) throw new Error(`${specifier}: name one of its exports in packages/registry-test/src/known-exports.ts`)
      return { specifier, exportName, cjs: JSON.stringify(target).includes('"require"') }
    })
}

function bins(pkg: PublicPackage): string[] {
  const bin = pkg.manifest.bin
  if (bin === undefined) return []
  return typeof bin === 'string' ? [pkg.name.replace(/^@[^/]+\//, '')] : Object.keys(bin)
}

const importLine = (entry: EntryPoint, index: number) =>
  entry.exportName === 'default'
    ? `import e${index} from '${entry.specifier}'`
    : `import { ${entry.exportName} as e${index} } from '${entry.specifier}'`

/** ESM: a named import of a missing export fails at link time, before any code runs. */
function esmSource(entries: readonly EntryPoint[]): string {
  return [
    ...entries.map(importLine),
    `const found = { ${entries.map((e, i) => `${JSON.stringify(`${e.specifier} ${e.exportName}`)}: e${i}`).join(', ')} }`,
    "for (const [name, value] of Object.entries(found)) if (value === undefined) throw new Error(name + ' is undefined (ESM)')",
    '',
  ].join('\n')
}

function cjsSource(entries: readonly EntryPoint[]): string {
  return [
    ...entries.map(
      (e) =>
        `if (require(${JSON.stringify(e.specifier)})[${JSON.stringify(e.exportName)}] === undefined) throw new Error(${JSON.stringify(`${e.specifier} has no export ${e.exportName} (CJS)`)})`,
    ),
    '',
  ].join('\n')
}

/** TypeScript: the import resolves, and to a real type (an `any` would hide a types path that resolves to nothing). */
function typesSource(entries: readonly EntryPoint[]): string {
  return [
    ...entries.map(importLine),
    'type IsAny<T> = 0 extends 1 & T ? true : false',
    ...entries.map((_, i) => `export const notAny${i}: IsAny<typeof e${i}> = false`),
    '',
  ].join('\n')
}

function tsconfig(options: Record<string, string>, files: string[]): string {
  return JSON.stringify(
    {
      compilerOptions: {
        ...options,
        target: 'es2022',
        lib: ['es2023', 'dom', 'dom.iterable'],
        strict: true,
        noEmit: true,
        // As `tsc --init` and every framework's own tsconfig have it: third-party declarations (a peer's
        // types that want packages the user never installs) are not this test's subject. What is: each
        // import resolves, through the right conditions, to a real type (the notAny checks).
        skipLibCheck: true,
        types: ['node'],
      },
      files,
    },
    null,
    2,
  )
}

export interface PackageCheckContext {
  projectDir: string
  env: NodeJS.ProcessEnv
  /** Node binaries to import with: this Node and, when it differs, the machine's own (the engines floor). */
  nodeBinaries: readonly string[]
  /** One line of progress. */
  say(line: string): void
}

/**
 * Installs `pkg@version` alone into an empty npm project (with npm's own peer handling, as a user gets it)
 * plus TypeScript, then imports every entry point from ESM, from CJS where it ships CJS, from TypeScript
 * with `nodenext` and `bundler` resolution, and runs each bin with `--version`.
 */
export async function checkPackage(pkg: PublicPackage, context: PackageCheckContext): Promise<void> {
  const { projectDir: dir, env, say } = context
  const entries = entryPoints(pkg)
  const run = (command: string, args: string[], timeoutMs = 120_000) => runCommand(command, args, { cwd: dir, env, timeoutMs })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'registry-test-project', version: '1.0.0', private: true }, null, 2)}\n`)

  await run('npm', ['install', `${pkg.name}@${pkg.version}`, `typescript@${catalogRange('typescript')}`, `@types/node@${catalogRange('@types/node')}`], 10 * 60_000)
  say(`${pkg.name}: installed`)

  if (entries.length > 0) {
    writeFileSync(join(dir, 'check.mjs'), esmSource(entries))
    const cjsEntries = entries.filter((entry) => entry.cjs)
    if (cjsEntries.length > 0) writeFileSync(join(dir, 'check.cjs'), cjsSource(cjsEntries))
    for (const node of context.nodeBinaries) {
      const { stdout: version } = await run(node, ['--version'])
      await run(node, ['check.mjs'])
      if (cjsEntries.length > 0) await run(node, ['check.cjs'])
      say(`${pkg.name}: imported on Node ${version.trim()} from ESM${cjsEntries.length > 0 ? ' and CJS' : ' (ships no CJS)'}`)
    }

    writeFileSync(join(dir, 'types-esm.mts'), typesSource(entries))
    writeFileSync(join(dir, 'types-bundler.ts'), typesSource(entries))
    const nodenextFiles = ['types-esm.mts']
    if (cjsEntries.length > 0) {
      writeFileSync(join(dir, 'types-cjs.cts'), typesSource(cjsEntries))
      nodenextFiles.push('types-cjs.cts')
    }
    writeFileSync(join(dir, 'tsconfig.nodenext.json'), tsconfig({ module: 'nodenext', moduleResolution: 'nodenext' }, nodenextFiles))
    writeFileSync(join(dir, 'tsconfig.bundler.json'), tsconfig({ module: 'esnext', moduleResolution: 'bundler' }, ['types-bundler.ts']))
    const tsc = join(dir, 'node_modules', '.bin', 'tsc')
    await run(tsc, ['-p', 'tsconfig.nodenext.json'])
    await run(tsc, ['-p', 'tsconfig.bundler.json'])
    say(`${pkg.name}: typechecked with module nodenext (${nodenextFiles.join(', ')}) and moduleResolution bundler`)
  }

  for (const bin of bins(pkg)) {
    const file = join(dir, 'node_modules', '.bin', bin)
    if (!existsSync(file)) throw new Error(`${pkg.name}: npm did not link its bin ${bin}`)
    const { stdout } = await run(file, ['--version'])
    if (!stdout.includes(pkg.version)) throw new Error(`${bin} --version printed ${JSON.stringify(stdout.trim())}, not ${pkg.version}`)
    say(`${pkg.name}: bin ${bin} --version → ${stdout.trim()}`)
  }
  rmSync(dir, { recursive: true, force: true })
}
