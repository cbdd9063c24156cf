#!/usr/bin/env node
// Packs the package in the current directory (plus the workspace packages it depends on), installs
// the tarballs into a fresh temp project with npm, as a user would (the peers linked from the
// workspace), and imports every entry point from ESM and (unless the package is ESM-only, as its
// framework is) from CJS. Every tarball must carry the repository's LICENSE and no source maps (the
// root README's "Published packages" says why). Run by `pnpm pack-test` in a package folder (a turbo
// task of the test suite).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const packageDir = process.cwd()
const readManifest = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))

const workspaceDirs = new Map(
  readdirSync(join(root, 'packages')).map((name) => {
    const dir = join(root, 'packages', name)
    return [readManifest(dir).name, dir]
  }),
)

/** The package and, recursively, the workspace packages it depends on at runtime. */
function closure(dir, seen = new Map()) {
  const manifest = readManifest(dir)
  if (seen.has(manifest.name)) return seen
  seen.set(manifest.name, dir)
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    if (String(range).startsWith('workspace:')) closure(workspaceDirs.get(name), seen)
  }
  return seen
}

const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })

const license = readFileSync(join(root, 'LICENSE'), 'utf8')

/**
 * What every published tarball must hold: the root LICENSE, word for word, and no `.map` files. The
 * package folder must have its own copy: pnpm falls back to the root one, `npm pack` would not.
 */
function checkTarball(name, dir, tarball) {
  if (!existsSync(join(dir, 'LICENSE'))) throw new Error(`${name}: no LICENSE in ${dir} (copy the root LICENSE there)`)
  const entries = run('tar', ['-tzf', tarball], root).split('\n').filter(Boolean)
  if (!entries.includes('package/LICENSE')) throw new Error(`${name}: the tarball has no LICENSE (add packages/<name>/LICENSE, a copy of the root one)`)
  if (run('tar', ['-xzOf', tarball, 'package/LICENSE'], root) !== license) throw new Error(`${name}: its LICENSE differs from the repository's root LICENSE`)
  const maps = entries.filter((entry) => entry.endsWith('.map'))
  if (maps.length > 0) throw new Error(`${name}: the tarball carries source maps (${maps.join(', ')}); packages are published without them`)
}

const manifest = readManifest(packageDir)
/** A package whose exports have no `require` condition ships ESM only (e.g. for an ESM-only framework). */
const esmOnly = !JSON.stringify(manifest.exports ?? {}).includes('"require"')

/** Node binaries to import with: the toolchain's Node 24 and, when present, the machine's own older
 * Node (Node 20 on CI), so the `engines` floor we publish is exercised, not just declared. */
const nodeBinaries = [process.execPath]
const systemNode = '/usr/bin/node'
if (existsSync(systemNode) && run(systemNode, ['--version'], packageDir).trim() !== process.version) {
  nodeBinaries.push(systemNode)
}
const temp = mkdtempSync(join(tmpdir(), `pack-test-${manifest.name.replace(/\W/g, '-')}-`))
try {
  const tarballs = new Map()
  for (const [name, dir] of closure(packageDir)) {
    const output = run('pnpm', ['pack', '--pack-destination', temp], dir).trim().split('\n')
    checkTarball(name, dir, output.at(-1))
    tarballs.set(name, `file:${output.at(-1)}`)
  }
  console.log(`pack-test ok: ${[...tarballs.keys()].join(', ')} carry the root LICENSE and no source maps`)
  writeFileSync(
    join(temp, 'package.json'),
    JSON.stringify({
      name: 'pack-test',
      private: true,
      dependencies: Object.fromEntries(tarballs),
      overrides: Object.fromEntries(tarballs),
    }),
  )
  // The tarballs and their own dependencies install from the registry, as a user's would. The peers
  // (the framework, its Clerk SDK: large trees) are the very copies the workspace tests with, linked
  // in: resolving them afresh would pull whatever the registry holds today, and a partial mirror can
  // list a version it cannot serve (the peers' versions are what the rest of the suite pins).
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--legacy-peer-deps'], temp)
  // Every peer in the closure: the package's own and those of the workspace packages it brings (core's
  // @clerk/backend), each from the package that declares it.
  const linked = new Set()
  for (const [, dir] of closure(packageDir)) {
    for (const name of Object.keys(readManifest(dir).peerDependencies ?? {})) {
      if (linked.has(name)) continue
      linked.add(name)
      const link = join(temp, 'node_modules', name)
      mkdirSync(dirname(link), { recursive: true })
      rmSync(link, { recursive: true, force: true })
      symlinkSync(realpathSync(join(dir, 'node_modules', name)), link, 'dir')
    }
  }

  const entries = Object.keys(manifest.exports ?? { '.': {} })
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`))

  for (const node of nodeBinaries) {
    const version = run(node, ['--version'], temp).trim()
    for (const entry of entries) {
      const esm = run(
        node,
        ['--input-type=module', '-e', `const m = await import(${JSON.stringify(entry)}); console.log(JSON.stringify(Object.keys(m).sort()))`],
        temp,
      )
      // A `default` export is the package's own only when it ships no CommonJS (Node adds one to CJS).
      const esmNames = JSON.parse(esm).filter((name) => (esmOnly || name !== 'default') && name !== 'module.exports')
      if (esmNames.length === 0) throw new Error(`${entry}: no ESM exports (Node ${version})`)
      if (esmOnly) {
        console.log(`pack-test ok (Node ${version}): ${entry} — ESM only, exports ${esmNames.join(', ')}`)
        continue
      }
      const cjs = run(node, ['-e', `const m = require(${JSON.stringify(entry)}); console.log(JSON.stringify(Object.keys(m).sort()))`], temp)
      const cjsNames = JSON.parse(cjs)
      if (JSON.stringify(esmNames) !== JSON.stringify(cjsNames)) {
        throw new Error(`${entry}: ESM exports ${esmNames} differ from CJS exports ${cjsNames} (Node ${version})`)
      }
      console.log(`pack-test ok (Node ${version}): ${entry} — ESM and CJS both export ${esmNames.join(', ')}`)
    }
  }
  for (const bin of Object.keys(manifest.bin ?? {})) {
    run(join(temp, 'node_modules', '.bin', bin), ['--help'], temp)
    console.log(`pack-test ok: bin ${bin} --help`)
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
