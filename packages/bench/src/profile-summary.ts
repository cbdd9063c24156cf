import { readFileSync } from 'node:fs'

// `node src/profile-summary.ts <file.cpuprofile> [top] [pattern …]`: where a server's CPU time went, by
// function and by package, from a profile written with BENCH_CPU_PROF; for each pattern, the time spent
// in frames whose URL contains it (`a|b`: either), their callees included (e.g. `fastify-seed` against
// `packages/core/dist|packages/fastify/dist`).

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

function packageOf(url: string): string {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url) ?? /packages\/([^/]+)\//.exec(url)
  if (match?.[1]) return match[1]
  if (url.startsWith('node:')) return 'node internals'
  return url === '' ? '(native / GC / idle)' : url
}

const [file, topArg, ...patterns] = process.argv.slice(2)
if (!file) throw new Error('usage: node src/profile-summary.ts <file.cpuprofile> [top]')
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const parents = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
const inclusive = new Map<string, number>(patterns.map((pattern) => [pattern, 0]))
function stackMatches(id: number, pattern: string): boolean {
  for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
    const url = nodes.get(current)?.callFrame.url ?? ''
    if (pattern.split('|').some((part) => url.includes(part))) return true
  }
  return false
}
const byFunction = new Map<string, number>()
const byPackage = new Map<string, number>()
let total = 0
profile.samples.forEach((id, index) => {
  const frame = nodes.get(id)?.callFrame
  const micros = profile.timeDeltas[index] ?? 0
  if (!frame) return
  total += micros
  const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros)
  const pkg = packageOf(frame.url)
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros)
  for (const pattern of patterns) if (stackMatches(id, pattern)) inclusive.set(pattern, (inclusive.get(pattern) ?? 0) + micros)
})
const print = (line: string) => process.stdout.write(`${line}\n`)
const share = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`
const top = Number(topArg ?? 25)
print(`total ${(total / 1e6).toFixed(2)} s sampled\n\nby package (self time):`)
for (const [pkg, micros] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) print(`  ${share(micros)}  ${pkg}`)
for (const [pattern, micros] of inclusive) print(`\nframes from *${pattern}* and their callees: ${share(micros)} (${(micros / 1e6).toFixed(2)} s)`)
print('\nby function (self time):')
for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) print(`  ${share(micros)}  ${name}`)
