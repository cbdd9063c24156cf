import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, parse, relative, sep } from 'node:path'
import { REPO_ROOT } from './workspace.ts'

/** A stand-in token: npm refuses to publish without one; the local registry lets anyone publish. */
const FAKE_TOKEN = 'registry-test-not-a-secret'

/** How this machine's npm reaches its registry: what Verdaccio's uplink must use too. */
export interface MachineNpm {
  registry: string
  cafile?: string
  proxy?: string
  httpsProxy?: string
  noproxy?: string
}

/**
 * Read (never written) from the user's own npm configuration, environment included: the registry, and
 * the CA file and proxies npm reaches it with.
 */
export function machineNpm(): MachineNpm {
  const env = withoutWorkspace(process.env)
  // npm's own settings from the environment (a CI's npm_config_registry, say) count as the machine's.
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_config_(registry|cafile|proxy|https_proxy|noproxy)$/i.test(key)) env[key] = value
  }
  const lines = execFileSync('npm', ['config', 'get', 'registry', 'cafile', 'proxy', 'https-proxy', 'noproxy'], { encoding: 'utf8', env })
  const values = new Map(
    lines
      .split('\n')
      .map((line) => line.match(/^([\w-]+)=(.*)$/))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== '' && value !== 'null' && value !== 'undefined'),
  )
  const registry = values.get('registry')
  if (!registry) throw new Error(`npm config get registry printed nothing:\n${lines}`)
  const optional = (key: string) => values.get(key)
  return {
    registry,
    ...(optional('cafile') ? { cafile: optional('cafile') as string } : {}),
    ...(optional('proxy') ? { proxy: optional('proxy') as string } : {}),
    ...(optional('https-proxy') ? { httpsProxy: optional('https-proxy') as string } : {}),
    ...(optional('noproxy') ? { noproxy: optional('noproxy') as string } : {}),
  }
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path)
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== path)
}

/**
 * The environment without what leads back into the workspace: `pnpm run` puts the repo's
 * node_modules/.bin on PATH (a workspace `create-agent-tasks` or `tsc` would answer instead of the
 * installed one) and sets npm_* / pnpm_* settings; NODE_PATH could resolve workspace packages.
 * This Node's own folder comes first, so npm and the apps run on the same Node as the test.
 */
export function withoutWorkspace(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(env)) {
    if (/^(npm|pnpm)_/i.test(key) || key === 'NODE_PATH' || key === 'INIT_CWD' || key.startsWith('TURBO_')) continue
    clean[key] = value
  }
  const path = (env.PATH ?? '').split(':').filter((entry) => entry !== '' && !isInside(entry, REPO_ROOT))
  clean.PATH = [dirname(process.execPath), ...path].join(':')
  return clean
}

/**
 * Fails when a folder above `dir` has a node_modules: Node would resolve packages from it, so a test
 * project there would not stand alone.
 */
export function assertNothingAbove(dir: string): void {
  const { root } = parse(dir)
  for (let current = dirname(dir); ; current = dirname(current)) {
    if (existsSync(join(current, 'node_modules'))) throw new Error(`${join(current, 'node_modules')} exists above ${dir}: projects there are not isolated`)
    if (current === root) return
  }
}

export interface NpmSetup {
  /** Environment for npm, npx and the apps: the local registry, this run's npm cache, a throwaway userconfig. */
  env: NodeJS.ProcessEnv
  /** Environment for the publish step: `env` plus npm's provenance turned off. */
  publishEnv: NodeJS.ProcessEnv
}

/**
 * A userconfig of this run's own (so the user's ~/.npmrc is neither read nor written) pointing npm at the
 * local registry with a stand-in token, and one npm cache for the whole run.
 */
export function npmSetup(runDir: string, registryUrl: string): NpmSetup {
  const cache = join(runDir, 'npm-cache')
  mkdirSync(cache, { recursive: true })
  const userconfig = join(runDir, 'npmrc')
  const host = registryUrl.replace(/^https?:/, '')
  writeFileSync(
    userconfig,
    [
      `registry=${registryUrl}`,
      `${host}:_authToken=${FAKE_TOKEN}`,
      `cache=${cache}`,
      // One cache for the run: metadata fetched once is reused by every later install of the run.
      'prefer-offline=true',
      'audit=false',
      'fund=false',
      'update-notifier=false',
      '',
    ].join('\n'),
  )
  const env = {
    ...withoutWorkspace(process.env),
    npm_config_userconfig: userconfig,
    npm_config_registry: registryUrl,
    npm_config_cache: cache,
    // The frameworks' usage reports would only wait on a closed network.
    NEXT_TELEMETRY_DISABLED: '1',
    NUXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  }
  // `publishConfig.provenance: true` wins over every npm setting but a command-line flag, and neither
  // `changeset publish` nor `pnpm publish` passes one through; pnpm's `npm-path` setting names the npm
  // it runs, so a two-line npm that adds `--provenance=false` keeps the release command itself intact.
  const npmWithoutProvenance = join(runDir, 'npm-without-provenance')
  writeFileSync(npmWithoutProvenance, '#!/bin/sh\nexec npm "$@" --provenance=false\n', { mode: 0o755 })
  return { env, publishEnv: { ...env, npm_config_npm_path: npmWithoutProvenance, npm_config_provenance: 'false' } }
}
