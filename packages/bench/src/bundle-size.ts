import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type OutputFile } from 'esbuild'
import { packageDir } from './package-dir.ts'

export interface EntrySize {
  entry: string
  minified: number
  gzipped: number
  /** Bytes the entry should stay under, if it has a goal. */
  goal?: number
  /** Chunks the entry imports on demand (`import()`), loaded on first use: not in the sizes above. */
  onDemand?: { minified: number; gzipped: number }
}

interface OutputSize {
  byteLength: number
  gzipped: number
}

const total = (outputs: OutputSize[], key: keyof OutputSize) => outputs.reduce((sum, output) => sum + output[key], 0)

/** The entry with every chunk it imports statically (loaded at start), and the chunks reached only through `import()`. */
function splitByLoading(metafile: Metafile, files: OutputFile[]): { atStart: OutputSize[]; onDemand: OutputSize[] } {
  const sizeOf = new Map(files.map((file) => [relative(process.cwd(), file.path), { byteLength: file.contents.byteLength, gzipped: gzipSync(file.contents).byteLength }]))
  const entry = Object.keys(metafile.outputs).find((path) => metafile.outputs[path]?.entryPoint !== undefined && path.endsWith('.js'))
  const atStart = new Set<string>()
  const visit = (path: string) => {
    if (atStart.has(path)) return
    atStart.add(path)
    for (const imported of metafile.outputs[path]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
  }
  if (entry) visit(entry)
  const chunks = Object.keys(metafile.outputs).filter((path) => path.endsWith('.js'))
  const pick = (paths: string[]) => paths.map((path) => sizeOf.get(path) ?? { byteLength: 0, gzipped: 0 })
  return { atStart: pick(chunks.filter((path) => atStart.has(path))), onDemand: pick(chunks.filter((path) => !atStart.has(path))) }
}

/** Core's main entry, minified and gzipped, in bytes (4 kB). */
const CORE_GOAL = 4_000

/** The app brings these; they are never part of an entry's own size. */
const ALWAYS_EXTERNAL = ['@clerk/*', 'astro', 'astro/*', 'h3', 'nuxt', '@nuxt/*', 'express', 'fastify', 'fastify-plugin', 'next', 'next/*', 'react', 'react/*', 'react-router', 'react-router/*', '@tanstack/*']

const ENTRIES: Array<{ pkg: string; files: Array<{ entry: string; file: string; goal?: number }>; external: string[] }> = [
  {
    pkg: '@agent-tasks/core',
    files: [
      { entry: '@agent-tasks/core', file: 'dist/index.js', goal: CORE_GOAL },
      { entry: '@agent-tasks/core/adapter', file: 'dist/adapter/index.js' },
      { entry: '@agent-tasks/core/node', file: 'dist/node.js' },
    ],
    external: [],
  },
  // Core is left out, so each adapter's own code is what shows.
  ...[
    ['@agent-tasks/astro', 'dist/index.js'],
    ['@agent-tasks/express', 'dist/index.js'],
    ['@agent-tasks/fastify', 'dist/index.js'],
    ['@agent-tasks/nextjs', 'dist/index.js'],
    // Nuxt's server code imports its /server entry (the main one is the build-time module).
    ['@agent-tasks/nuxt/server', 'dist/server/index.js'],
    ['@agent-tasks/react-router', 'dist/index.js'],
    ['@agent-tasks/tanstack-react-start', 'dist/index.js'],
  ].map(([entry = '', file = '']) => ({
    pkg: entry.split('/').slice(0, 2).join('/'),
    files: [{ entry, file }],
    external: ['@agent-tasks/core', '@agent-tasks/core/*'],
  })),
]

/** Minified + gzipped size of each built entry (ESM, Node platform), peers external. */
export async function measureBundleSizes(): Promise<EntrySize[]> {
  const sizes: EntrySize[] = []
  for (const { pkg, files, external } of ENTRIES) {
    const dir = packageDir(pkg)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { peerDependencies?: Record<string, string> }
    const peers = Object.keys(manifest.peerDependencies ?? {}).flatMap((peer) => [peer, `${peer}/*`])
    for (const { entry, file, goal } of files) {
      const result = await build({
        entryPoints: [join(dir, file)],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'node',
        external: [...ALWAYS_EXTERNAL, ...peers, ...external],
        // Code split as an app's bundler does: what the entry imports on demand (`import()`) goes to
        // chunks of its own, loaded on first use, and is reported apart from what loads at start.
        splitting: true,
        outdir: 'out',
        metafile: true,
        write: false,
        logLevel: 'silent',
      })
      const { atStart, onDemand } = splitByLoading(result.metafile, result.outputFiles)
      sizes.push({
        entry,
        minified: total(atStart, 'byteLength'),
        gzipped: total(atStart, 'gzipped'),
        ...(onDemand.length === 0 ? {} : { onDemand: { minified: total(onDemand, 'byteLength'), gzipped: total(onDemand, 'gzipped') } }),
        ...(goal === undefined ? {} : { goal }),
      })
    }
  }
  return sizes
}
