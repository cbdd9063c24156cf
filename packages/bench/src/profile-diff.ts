import { readFileSync } from 'node:fs'

// `node src/profile-diff.ts <seed.cpuprofile> <seed-responses> <adapter.cpuprofile> <adapter-responses> [top]`:
// self time per response, by function, adapter minus seed, largest differences first (both ways);
// the profiles and response counts come from `profile-routes.ts`.

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
  samples: number[]
  timeDeltas: number[]
}

/** µs of self time per response, by function; idle time left out. */
function selfTimePerResponse(file: string, responses: number): Map<string, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const byFunction = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id)
    if (!frame || frame.functionName === '(idle)') return
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / responses)
  })
  return byFunction
}

const [seedFile, seedCount, adapterFile, adapterCount, topArg] = process.argv.slice(2)
if (!seedFile || !seedCount || !adapterFile || !adapterCount) {
  throw new Error('usage: node src/profile-diff.ts <seed.cpuprofile> <seed-responses> <adapter.cpuprofile> <adapter-responses> [top]')
}
const seed = selfTimePerResponse(seedFile, Number(seedCount))
const adapter = selfTimePerResponse(adapterFile, Number(adapterCount))
const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0)
const differences = [...new Set([...seed.keys(), ...adapter.keys()])].map((name) => ({
  name,
  seed: seed.get(name) ?? 0,
  adapter: adapter.get(name) ?? 0,
}))
differences.sort((a, b) => Math.abs(b.adapter - b.seed) - Math.abs(a.adapter - a.seed))
const print = (line: string) => process.stdout.write(`${line}\n`)
print(`busy µs per response: seed ${sum(seed).toFixed(1)}, adapter ${sum(adapter).toFixed(1)} (${(sum(adapter) / sum(seed)).toFixed(3)}×)\n`)
print('   adapter−seed     seed  adapter  function')
for (const { name, seed: s, adapter: a } of differences.slice(0, Number(topArg ?? 40))) {
  print(`${(a - s).toFixed(1).padStart(15)} ${s.toFixed(1).padStart(8)} ${a.toFixed(1).padStart(8)}  ${name}`)
}
