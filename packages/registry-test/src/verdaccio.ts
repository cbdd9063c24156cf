import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { freePort } from './free-port.ts'
import { onInterrupt } from './interrupt.ts'
import { lastLines } from './run-command.ts'
import type { MachineNpm } from './user-env.ts'

export interface LocalRegistry {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string
  /** What Verdaccio printed so far. */
  output(): string
  stop(): Promise<void>
}

/** The packages the local registry serves only from what was published to it, never from the uplink. */
export const LOCAL_ONLY = ['@agent-tasks/*', 'create-agent-tasks'] as const

function config(storage: string, machine: MachineNpm): string {
  const local = LOCAL_ONLY.map((pattern) => `  '${pattern}':\n    access: $all\n    publish: $all\n    unpublish: $all\n`).join('')
  const proxies = [
    machine.proxy ? `http_proxy: ${JSON.stringify(machine.proxy)}\n` : '',
    machine.httpsProxy ? `https_proxy: ${JSON.stringify(machine.httpsProxy)}\n` : '',
    machine.noproxy ? `no_proxy: ${JSON.stringify(machine.noproxy)}\n` : '',
  ].join('')
  return `# Written by @agent-tasks/registry-test for one run.
storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(join(storage, '..', 'htpasswd'))}
    max_users: -1
uplinks:
  upstream:
    url: ${JSON.stringify(machine.registry)}
    # Metadata fetched once serves the whole run.
    maxage: 60m
    timeout: 120s
    max_fails: 5
    fail_timeout: 1m
    # Tarballs are cached by npm (one cache for the run), not a second time in storage.
    cache: false
packages:
${local}  '**':
    access: $all
    publish: $none
    proxy: upstream
${proxies}web:
  enable: false
max_body_size: 500mb
server:
  keepAliveTimeout: 60
log: { type: stdout, format: pretty, level: warn }
`
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with code ${child.exitCode}:\n${lastLines(output())}`)
    try {
      const response = await fetch(new URL('-/ping', url), { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`Verdaccio did not answer at ${url} within ${timeoutMs / 1000} s:\n${lastLines(output())}`)
}

/**
 * Starts Verdaccio (this package's pinned devDependency, its own bin) on 127.0.0.1 and a free port, with
 * storage and config under `dir`, the machine's registry as its uplink for everything but {@link LOCAL_ONLY},
 * reached as npm reaches it (its proxies; its CA file, which Node takes from NODE_EXTRA_CA_CERTS).
 */
export async function startVerdaccio(dir: string, machine: MachineNpm, baseEnv: NodeJS.ProcessEnv): Promise<LocalRegistry> {
  const storage = join(dir, 'storage')
  mkdirSync(storage, { recursive: true })
  const configFile = join(dir, 'config.yaml')
  writeFileSync(configFile, config(storage, machine))
  const env = machine.cafile && !baseEnv.NODE_EXTRA_CA_CERTS ? { ...baseEnv, NODE_EXTRA_CA_CERTS: machine.cafile } : baseEnv
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const bin = join(dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')), 'bin', 'verdaccio')
  const child = spawn(process.execPath, [bin, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const forget = onInterrupt(() => child.kill('SIGKILL'))
  const stop = async () => {
    forget()
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(killer)
  }
  try {
    await waitUntilAnswering(url, child, () => output, 60_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, output: () => output, stop }
}
