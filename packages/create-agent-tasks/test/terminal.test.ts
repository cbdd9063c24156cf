import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { BIN, cleanEnv, readJson, tempDir } from './support.ts'

const hasScript = spawnSync('script', ['--version']).status === 0

/**
 * The built bin on a real terminal: a pseudo-terminal from util-linux `script`, 100 columns wide.
 * Each step waits for its text to appear, then types its keys.
 */
async function onTerminal(args: string[], cwd: string, steps: [waitFor: string, keys: string][], env: Record<string, string> = {}) {
  const command = `stty cols 100 rows 40; exec ${[process.execPath, BIN, ...args].map((word) => `'${word}'`).join(' ')}`
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: cleanEnv({ TERM: 'xterm-256color', ...env }), stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  let seen = 0
  child.stdout.on('data', (chunk) => {
    output += chunk
    const step = steps[0]
    const plain = stripVTControlCharacters(output)
    if (step && plain.indexOf(step[0], seen) !== -1) {
      seen = plain.indexOf(step[0], seen) + step[0].length
      steps.shift()
      setTimeout(() => child.stdin.write(step[1]), 150)
    }
  })
  const timer = setTimeout(() => child.kill(), 30_000)
  const [code] = await once(child, 'close')
  clearTimeout(timer)
  return { code, output: stripVTControlCharacters(output), unanswered: steps.map(([waitFor]) => waitFor) }
}

const DOWN = '\x1b[B'

describe.runIf(hasScript)('on a terminal, what is missing is asked (clack)', () => {
  it('directory, framework and package manager (the one that ran it preselected)', async () => {
    const cwd = tempDir()
    const ran = await onTerminal(['--no-install'], cwd, [
      ['Where should the app be created?', 'my-app\r'],
      ['Which framework?', `${DOWN}\r`],
      ['Which package manager?', '\r'],
    ], { npm_config_user_agent: 'pnpm/10.34.8 npm/? node/v24.1.0 linux x64' })
    expect(ran.unanswered).toEqual([])
    expect(ran.code, ran.output).toBe(0)
    expect(ran.output).toContain('● pnpm (the one running this)')
    expect(readJson(join(cwd, 'my-app/package.json')).dependencies).toHaveProperty('@agent-tasks/react-router')
    expect(ran.output).toMatch(/cd my-app[\s│]*pnpm install[\s│]*pnpm dev/)
  })

  it('only what the command line left out', async () => {
    const cwd = tempDir()
    const ran = await onTerminal(['app', '--template', 'astro', '--no-install'], cwd, [['Which package manager?', `${DOWN}${DOWN}\r`]])
    expect(ran.code, ran.output).toBe(0)
    expect(ran.output).not.toContain('Where should')
    expect(ran.output).not.toContain('Which framework?')
    expect(readJson(join(cwd, 'app/package.json')).dependencies).toHaveProperty('@agent-tasks/astro')
    expect(ran.output).toContain('yarn dev')
  })

  it('a non-empty directory typed in is refused in place, and another one asked for', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'taken'))
    writeFileSync(join(cwd, 'taken', 'keep.txt'), '')
    const ran = await onTerminal(['--template', 'express', '--no-install', '--package-manager', 'npm'], cwd, [
      ['Where should the app be created?', 'taken\r'],
      ['taken is not empty (keep.txt)', `${'\x7f'.repeat(5)}fresh\r`],
    ])
    expect(ran.code, ran.output).toBe(0)
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['keep.txt'])
    expect(readJson(join(cwd, 'fresh/package.json')).name).toBe('fresh')
  })

  it('Ctrl-C at a question: exit 130, nothing written', async () => {
    const cwd = tempDir()
    const ran = await onTerminal(['my-app', '--no-install'], cwd, [['Which framework?', '\x03']])
    expect(ran.code).toBe(130)
    expect(ran.output).toContain('Cancelled: nothing was written.')
    expect(readdirSync(cwd)).toEqual([])
  })
})
