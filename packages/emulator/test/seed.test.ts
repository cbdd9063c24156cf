import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { parseCli } from '../src/cli-args.js'
import { loadSeedFile, SeedError, startEmulator } from '../src/index.js'
import { clerkFor } from './helpers.js'
import { runBin, tempDir } from './support/bin.js'

const EXAMPLE = fileURLToPath(new URL('../examples/seed.yaml', import.meta.url))

let dir: string
beforeAll(async () => {
  dir = await tempDir('emu-seed-')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

/** The message `fn` throws (a SeedError). */
function seedErrorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError)
    return (error as Error).message
  }
  throw new Error('expected a SeedError')
}

describe('seed', () => {
  it('the documented example seeds users the SDK sees: fixed id, emails, username, names, metadata, password', async () => {
    const seed = parseYaml(await readFile(EXAMPLE, 'utf8'))
    const emulator = await startEmulator({ seed, rateLimit: false })
    try {
      const clerk = clerkFor(emulator)
      const ada = await clerk.users.getUser('user_ada')
      expect(ada.primaryEmailAddress?.emailAddress).toBe('ada@example.com')
      expect(ada.emailAddresses.map((e) => e.emailAddress)).toEqual(['ada@example.com', 'ada@work.example.com'])
      expect(ada).toMatchObject({
        username: 'ada_lovelace',
        firstName: 'Ada',
        lastName: 'Lovelace',
        passwordEnabled: true,
        publicMetadata: { role: 'admin' },
        privateMetadata: { plan: 'pro' },
        unsafeMetadata: { theme: 'dark' },
      })
      expect(await clerk.users.verifyPassword({ userId: 'user_ada', password: 'correct horse battery staple' })).toEqual({ verified: true })
      expect(emulator.users.list().map((u) => u.email ?? u.username)).toEqual(['ada@example.com', 'grace@example.com', 'agent_smith'])
      const smith = (await clerk.users.getUserList({ username: ['agent_smith'] })).data[0]
      expect(smith?.passwordEnabled).toBe(false)
    } finally {
      await emulator.close()
    }
  })

  it('loads the same seed from JSON and YAML files', async () => {
    const content = { users: [{ email: 'ada@example.com', firstName: 'Ada', password: 'pw', publicMetadata: { tags: ['a', 'b'], n: 1 } }] }
    const json = await file('seed.json', JSON.stringify(content))
    const yaml = await file(
      'seed.yml',
      'users:\n  - email: ada@example.com\n    firstName: Ada\n    password: pw\n    publicMetadata:\n      tags: [a, b]\n      n: 1\n',
    )
    expect(loadSeedFile(json)).toEqual(content)
    expect(loadSeedFile(yaml)).toEqual(content)
    // Relative to the working folder given.
    expect(loadSeedFile('seed.json', dir)).toEqual(content)
  })

  it('bad files: the message names the file, the entry and the field', async () => {
    expect(seedErrorOf(() => loadSeedFile(join(dir, 'missing.yaml')))).toBe(`${join(dir, 'missing.yaml')}: cannot read the seed file (no such file).`)
    expect(seedErrorOf(() => loadSeedFile(join(dir, 'seed.txt')))).toContain('must end in .json, .yaml or .yml')
    const brokenYaml = await file('broken.yaml', 'users:\n  - email: [unclosed\n')
    expect(seedErrorOf(() => loadSeedFile(brokenYaml))).toMatch(/broken\.yaml: not valid YAML \(.*line/)
    const brokenJson = await file('broken.json', '{"users": [')
    expect(seedErrorOf(() => loadSeedFile(brokenJson))).toContain('broken.json: not valid JSON')
    const duplicateKey = await file('dupkey.yaml', 'users: []\nusers: []\n')
    expect(seedErrorOf(() => loadSeedFile(duplicateKey))).toContain('dupkey.yaml: not valid YAML')

    const cases: Array<[string, string]> = [
      ['users:\n  - email: ada@example.com\n  - email: not-an-email\n', 'users[1].email: "not-an-email" is not an email address.'],
      ['users:\n  - email: ada@example.com\n  - email: ADA@example.com\n', 'users[1].email: "ADA@example.com" is already used by users[0].'],
      ['users:\n  - email: ada@example.com\n    firstname: Ada\n', 'users[0].firstname: unknown field (did you mean "firstName"?)'],
      ['users:\n  - email: ada@example.com\n    first_name: Ada\n', 'users[0].first_name: unknown field (did you mean "firstName"?)'],
      ['users:\n  - firstName: Ada\n', 'users[0]: needs an email or a username'],
      ['users:\n  - email: ada@example.com\n    publicMetadata: admin\n', 'users[0].publicMetadata: must be an object'],
      ['users:\n  - email: ada@example.com\n    password: 12345678\n', 'users[0].password: must be a non-empty string.'],
      ['users:\n  - email: ada@example.com\n    id: ada\n', 'users[0].id: must look like user_'],
      ['users:\n  - username: ab\n', 'users[0].username: must be 4-64 characters'],
      ['users:\n  - email: a@example.com\n    additionalEmails: [b@example.com, nope]\n', 'users[0].additionalEmails[1]: must be an email address.'],
      ['users: ada@example.com\n', 'users: must be a list.'],
      ['people: []\n', 'people: unknown field'],
      ['version: 2\nusers: []\n', 'version: must be 1'],
    ]
    for (const [text, message] of cases) {
      const path = await file('bad.yaml', text)
      expect(seedErrorOf(() => loadSeedFile(path)), text).toContain(`${path}: ${message}`)
    }
  })

  it('startEmulator({ seed }) checks the object the same way and starts nothing when it is bad', async () => {
    await expect(startEmulator({ seed: { users: [{ email: 'x' }] } })).rejects.toThrow('seed: users[0].email: "x" is not an email address.')
    await expect(startEmulator({ seed: 'users: []' as never })).rejects.toThrow('seed: must be an object with a "users" list.')
    // Seed users come first; `users` may add more, but not the same address again.
    await expect(startEmulator({ seed: { users: [{ email: 'ada@example.com' }] }, users: [{ email: 'ada@example.com' }] })).rejects.toThrow(
      'That email address is taken.',
    )
  })

  it('--seed is parsed for plain and run mode; the file is read by the CLI itself', () => {
    expect(parseCli(['--seed', 'seed.yaml'])).toMatchObject({ kind: 'serve', seedFile: 'seed.yaml' })
    expect(parseCli(['run', '--seed', 'seed.json', '--', 'x'])).toMatchObject({ kind: 'run', seedFile: 'seed.json', command: 'x' })
    expect(() => parseCli(['--seed', ''])).toThrow('--seed needs a file name')
  })

  it('the CLI: a bad seed file exits 2 naming the file, entry and field; run --seed seeds those users instead of Ada', async () => {
    const bad = await file('bad-cli.yaml', 'users:\n  - email: ada@example.com\n  - email: nope\n')
    const ran = await runBin(['--seed', 'bad-cli.yaml', '--port', '0'], { cwd: dir })
    expect(ran.code).toBe(2)
    expect(ran.stderr).toBe(`agent-tasks-emulator: bad-cli.yaml: users[1].email: "nope" is not an email address.\n`)
    expect(ran.stdout).toBe('')
    expect(bad).toBeTruthy()

    await file('good.json', JSON.stringify({ users: [{ email: 'grace@example.com', firstName: 'Grace', password: 'grace-password' }] }))
    const probe = await file(
      'probe.mjs',
      `const res = await fetch(process.env.CLERK_API_URL + '/v1/users', { headers: { Authorization: 'Bearer ' + process.env.CLERK_SECRET_KEY } })
const users = await res.json()
process.stdout.write(JSON.stringify(users.map((u) => [u.email_addresses[0].email_address, u.password_enabled])))`,
    )
    const run = await runBin(['run', '--port', '0', '--seed', 'good.json', '--', process.execPath, probe], { cwd: dir })
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([['grace@example.com', true]])
    expect(run.stderr).toContain('Grace <grace@example.com>')
  })
})
