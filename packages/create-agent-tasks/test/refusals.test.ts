import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEMPLATES } from '../src/templates.ts'
import { create, PACKAGE_DIR, readJson, tempDir } from './support.ts'

describe('what create-agent-tasks refuses, writing nothing', () => {
  it('a non-empty directory: exit 3, its contents untouched', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'my-app'))
    writeFileSync(join(cwd, 'my-app', 'notes.txt'), 'mine')
    const ran = await create(['my-app', '--template', 'nextjs', '--yes'], cwd)
    expect(ran.code).toBe(3)
    expect(ran.stderr).toBe('create-agent-tasks: my-app is not empty (notes.txt): choose a new or empty directory. Nothing was written.\n')
    expect(ran.stdout).toBe('')
    expect(readdirSync(join(cwd, 'my-app'))).toEqual(['notes.txt'])
    expect(readFileSync(join(cwd, 'my-app', 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('a directory holding only .git is not empty either', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'repo', '.git'), { recursive: true })
    const ran = await create(['repo', '--template', 'astro', '--no-install'], cwd)
    expect(ran.code).toBe(3)
    expect(readdirSync(join(cwd, 'repo'))).toEqual(['.git'])
  })

  it('a file where the directory would go: exit 3', async () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, 'my-app'), '')
    const ran = await create(['my-app', '--template', 'nuxt', '--no-install'], cwd)
    expect(ran.code).toBe(3)
    expect(ran.stderr).toContain('my-app exists and is not a directory')
  })

  it('an empty directory is used', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'empty'))
    const ran = await create(['empty', '--template', 'express', '--no-install'], cwd)
    expect(ran.code, ran.stderr).toBe(0)
    expect(readJson(join(cwd, 'empty/package.json')).name).toBe('empty')
  })

  it('an unknown template: exit 2, naming every valid one', async () => {
    const cwd = tempDir()
    const ran = await create(['my-app', '--template', 'sveltekit', '--yes'], cwd)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain("argument 'sveltekit' is invalid. Allowed choices are express, fastify, nextjs, react-router, tanstack-react-start, astro, nuxt.")
    expect(readdirSync(cwd)).toEqual([])
  })

  it('an unknown package manager: exit 2, naming npm, pnpm, yarn, bun', async () => {
    const cwd = tempDir()
    const ran = await create(['my-app', '--template', 'nextjs', '--package-manager', 'deno'], cwd)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain('Allowed choices are npm, pnpm, yarn, bun.')
    expect(readdirSync(cwd)).toEqual([])
  })

  it('an unknown option or a second directory: exit 2', async () => {
    const cwd = tempDir()
    expect((await create(['my-app', '--templat', 'nextjs'], cwd)).code).toBe(2)
    expect((await create(['one', 'two', '--template', 'nextjs'], cwd)).code).toBe(2)
    expect(readdirSync(cwd)).toEqual([])
  })

  it('no terminal, no --template, no --yes: exit 2, naming --template and its values', async () => {
    const cwd = tempDir()
    const ran = await create(['my-app'], cwd)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toBe(
      `create-agent-tasks: missing --template <name> (one of ${TEMPLATES.join(', ')}), and no terminal to ask on. Add it, or --yes to take the defaults (./my-agent-tasks-app, --template nextjs).\n`,
    )
    expect(readdirSync(cwd)).toEqual([])
  })

  it('no terminal and nothing given: exit 2, naming the directory and --template', async () => {
    const cwd = tempDir()
    const ran = await create([], cwd)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain('missing the directory (the first argument, e.g. my-app) and --template <name>')
    expect(readdirSync(cwd)).toEqual([])
  })
})

describe('--help and --version', () => {
  it('--help: usage, every template, the examples and the exit codes', async () => {
    const ran = await create(['--help'], tempDir())
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain('Usage: create-agent-tasks [options] [directory]')
    for (const option of ['--template <name>', '--package-manager <name>', '--no-install', '--yes', '--version']) expect(ran.stdout).toContain(option)
    for (const template of TEMPLATES) expect(ran.stdout).toMatch(new RegExp(`^ {2}${template} `, 'm'))
    expect(ran.stdout).toContain('npm create agent-tasks@latest my-app -- --template nextjs')
    const text = ran.stdout.replace(/\s+/g, ' ')
    for (const code of ['0 created', '1 unexpected failure', '2 bad command line', '3 the directory exists and is not empty', '4 created but installing failed', '130 cancelled']) {
      expect(text).toContain(code)
    }
  })

  it('--version and -v: the package version', async () => {
    const { version } = readJson(join(PACKAGE_DIR, 'package.json'))
    for (const flag of ['--version', '-v']) {
      const ran = await create([flag], tempDir())
      expect(ran.code).toBe(0)
      expect(ran.stdout).toBe(`${version}\n`)
    }
  })
})
