import { createSign, generateKeyPairSync } from 'node:crypto'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { createClerkClient } from '@clerk/backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgentTasks, type DeniedEvent } from '../src/index.js'

// A request with `Authorization: Bearer <token>` that Clerk refuses gets a 401 saying why, read from the
// token's claims (never trusted, never repeated). The auth is what @clerk/backend makes of the real
// request against the emulator, as every adapter's Clerk SDK does.

const kid = 'ins_bearer_detail'
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 })
let emulator: Emulator
let clerk: ReturnType<typeof createClerkClient>
let ada: string
const denied: DeniedEvent<Request>[] = []

beforeAll(async () => {
  emulator = await startEmulator({
    users: [{ email: 'ada@example.com' }],
    rateLimit: false,
    signingKey: { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), kid },
  })
  ada = emulator.users.findByEmail('ada@example.com')?.id ?? ''
  clerk = createClerkClient({
    secretKey: emulator.secretKey,
    apiUrl: emulator.apiUrl,
    publishableKey: emulator.publishableKey,
    telemetry: { disabled: true },
  })
})
afterAll(() => emulator.close())

const agentTasks = () =>
  createAgentTasks<Request>({
    clerkClient: clerk,
    origin: 'https://app.example',
    hooks: { onDenied: (event) => void denied.push(event) },
  })

interface Answer {
  status: number
  problem: { code?: string; detail?: string; status?: number }
  text: string
}

/** Lists the caller's links, signed in (or not) by @clerk/backend from the request's Authorization. */
async function listWith(authorization: string | undefined): Promise<Answer> {
  const request = new Request('https://app.example/api/agent-tasks', {
    headers: authorization === undefined ? {} : { Authorization: authorization },
  })
  // No clock skew, so a token minted for one second is expired a second later for Clerk and for us.
  const state = await clerk.authenticateRequest(request, { jwtKey: emulator.jwtKey, clockSkewInMs: 0 })
  const auth = state.toAuth() as { userId: string | null } | null
  const response = await agentTasks().handle(request, { auth, context: request, path: '/' })
  const text = await response.text()
  return { status: response.status, problem: JSON.parse(text), text }
}

/** A JWT signed with the emulator's own key: what Clerk would mint, with the times we choose. */
function signed(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const body = `${encode({ alg: 'RS256', kid, typ: 'JWT' })}.${encode(claims)}`
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`
}

/** Neither the token nor any of its parts appears in what the caller gets back. */
function expectNoEcho(answer: Answer, token: string) {
  expect(answer.text).not.toContain(token)
  for (const part of token.split('.').filter((p) => p.length > 8)) expect(answer.text).not.toContain(part)
}

const now = () => Math.floor(Date.now() / 1000)

describe('401 for a refused Authorization token says why', () => {
  it('a valid session token lists (the chain works); no Authorization keeps the plain 401', async () => {
    const { token } = await emulator.signIn(ada)
    expect((await listWith(`Bearer ${token}`)).status).toBe(200)
    const signedOut = await listWith(undefined)
    expect(signedOut.status).toBe(401)
    expect(signedOut.problem).toMatchObject({ code: 'unauthenticated', detail: 'Sign in to manage agent links.' })
  })

  it('expired: when, and how long ago', async () => {
    const session = await clerk.sessions.createSession({ userId: ada })
    const { jwt } = await clerk.sessions.getToken(session.id, undefined, 1)
    await new Promise((resolve) => setTimeout(resolve, 2_100))
    const answer = await listWith(`Bearer ${jwt}`)
    expect(answer.status).toBe(401)
    expect(answer.problem.code).toBe('unauthenticated')
    expect(answer.problem.detail).toMatch(/^The Authorization session token expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z \([1-9]\d* s ago\)/)
    expect(answer.problem.detail).toContain('agent-tasks token --user')
    expectNoEcho(answer, jwt)
  })

  it('not yet valid (nbf or iat ahead): until when', async () => {
    const { sessionId } = await emulator.signIn(ada)
    const base = { sub: ada, sid: sessionId, iss: `https://${emulator.frontendApi}`, v: 2, sts: 'active' }
    const early = signed({ ...base, iat: now(), nbf: now() + 120, exp: now() + 600 })
    const answer = await listWith(`Bearer ${early}`)
    expect(answer.status).toBe(401)
    expect(answer.problem.detail).toMatch(/^The Authorization session token is not valid until \d{4}-.+Z \(in 1[12]\d s\): the clock/)
    expectNoEcho(answer, early)

    const issuedAhead = signed({ ...base, iat: now() + 300, nbf: now() - 5, exp: now() + 600 })
    const ahead = await listWith(`Bearer ${issuedAhead}`)
    expect(ahead.status).toBe(401)
    expect(ahead.problem.detail).toMatch(/not valid until .+ \(in (29\d|300) s\)/)
  })

  it('malformed: not a JWT, bad segments, a secret key, or a JWT without exp', async () => {
    const { sessionId } = await emulator.signIn(ada)
    const noExp = signed({ sub: ada, sid: sessionId, iss: `https://${emulator.frontendApi}`, iat: now(), nbf: now() - 5 })
    const cases = ['not-a-token', 'abc.def.ghi', 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln', emulator.secretKey, 'x'.repeat(20_000)]
    for (const token of cases) {
      const answer = await listWith(`Bearer ${token}`)
      expect(answer.status, token.slice(0, 20)).toBe(401)
      expect(answer.problem.detail).toMatch(/^The Authorization token is not a session token: Clerk session tokens are JWTs/)
      expectNoEcho(answer, token)
    }
    const missingExp = await listWith(`Bearer ${noExp}`)
    expect(missingExp.problem.detail).toMatch(/^The Authorization token has no expiry \(`exp`\)/)
    // Clerk reads a header without a scheme as the token itself: so does the explanation.
    expect((await listWith('garbage')).problem.detail).toMatch(/is not a session token/)
  })

  it('valid times, refused anyway (another instance’s key): says what else must hold', async () => {
    const other = await startEmulator({ users: [{ email: 'x@example.com' }] })
    try {
      const { token } = await other.signIn(other.users.list()[0]?.id ?? '')
      const answer = await listWith(`Bearer ${token}`)
      expect(answer.status).toBe(401)
      expect(answer.problem.detail).toMatch(/^Clerk did not accept the Authorization session token, though it is within its validity \(until .+Z\): it must be signed by this app's Clerk instance/)
      expectNoEcho(answer, token)
    } finally {
      await other.close()
    }
  })

  it('onDenied hears the same explanation; a Basic header is not a session token (cookies apply)', async () => {
    denied.length = 0
    await listWith('Bearer not-a-token')
    expect(denied.at(-1)).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/not a session token/) })
    expect((await listWith('Basic dXNlcjpwYXNz')).problem.detail).toBe('Sign in to manage agent links.')
  })
})
