// Puts Clerk's own browser bundles (clerk-js and the UI), unmodified, into clerk-browser/ for the
// emulator to serve offline. Only the self-contained browser builds are taken from the npm tarballs:
// installing the packages would pull ~450 MB of dependencies those bundles already contain.
// Tarballs come through `npm pack` (the user's registry settings apply) and are checked against the
// integrity pinned here; they are cached in node_modules/.cache so rebuilds need no network.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const cacheDir = join(root, 'node_modules', '.cache', 'clerk-browser')
const outDir = join(root, 'clerk-browser')

const BUNDLES = [
  {
    name: '@clerk/clerk-js',
    version: '6.40.0',
    integrity: 'sha512-2MnZ/ygvuCmeuqfXQmsxfQaLN/SSJvQbtT2cLXbgr5VKr3KmZFZBVvX977fG3eZ6pprl4J9pO+I2bbe6BvColg==',
    entry: 'clerk.browser.js',
    // The entry's lazily loaded chunks: `<n>_clerk.browser_<hash>_<version>.js`.
    chunk: /_clerk\.browser_[0-9a-f]+_[\d.]+\.js$/,
  },
  {
    name: '@clerk/ui',
    version: '1.34.0',
    integrity: 'sha512-EP6Wcf+iqV5hJRMjfmVSOb7wWEgt2DuUOnR3Yv/ULPdmGgGWa64oc4tB4VfD66z8nXgtXqHEXNNnGURAOfQ7vQ==',
    entry: 'ui.browser.js',
    chunk: /_ui_[0-9a-f]+_[\d.]+\.js$/,
  },
]

function tarballName(bundle) {
  return `${bundle.name.slice(1).replace('/', '-')}-${bundle.version}.tgz`
}

async function integrityOf(file) {
  return `sha512-${createHash('sha512').update(await readFile(file)).digest('base64')}`
}

async function tarball(bundle) {
  const file = join(cacheDir, tarballName(bundle))
  const cached = await integrityOf(file).catch(() => undefined)
  if (cached === bundle.integrity) return file
  await mkdir(cacheDir, { recursive: true })
  process.stderr.write(`vendor-clerk-browser: fetching ${bundle.name}@${bundle.version} from the npm registry\n`)
  await run('npm', ['pack', `${bundle.name}@${bundle.version}`, '--pack-destination', cacheDir, '--silent'], { cwd: cacheDir })
  const fetched = await integrityOf(file)
  if (fetched !== bundle.integrity) throw new Error(`${bundle.name}@${bundle.version}: integrity ${fetched} does not match the pinned ${bundle.integrity}`)
  return file
}

async function vendor(bundle) {
  const unpacked = join(cacheDir, `${tarballName(bundle)}.d`)
  await rm(unpacked, { recursive: true, force: true })
  await mkdir(unpacked, { recursive: true })
  await run('tar', ['-xzf', await tarball(bundle), '-C', unpacked])
  const dist = join(unpacked, 'package', 'dist')
  const files = (await readdir(dist)).filter((file) => file === bundle.entry || bundle.chunk.test(file))
  const target = join(outDir, bundle.name.slice('@clerk/'.length))
  await mkdir(target, { recursive: true })
  for (const file of files) await cp(join(dist, file), join(target, file))
  await cp(join(unpacked, 'package', 'LICENSE'), join(target, 'LICENSE'))
  await rm(unpacked, { recursive: true, force: true })
  return { name: bundle.name, version: bundle.version, integrity: bundle.integrity, entry: bundle.entry, files: files.length }
}

await rm(outDir, { recursive: true, force: true })
const manifest = []
for (const bundle of BUNDLES) manifest.push(await vendor(bundle))
await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
