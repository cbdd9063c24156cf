import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { X509Certificate } from 'node:crypto'
import { generate } from 'selfsigned'

/** A certificate authority that signs the emulator's https certificates, kept on disk so a browser trusts it once. */
export interface LocalCa {
  /** Folder holding `rootCA.pem` (certificate) and `rootCA-key.pem` (private key, mode 0600). */
  dir: string
  certPem: string
  keyPem: string
}

const CA_CERT = 'rootCA.pem'
const CA_KEY = 'rootCA-key.pem'
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000

/**
 * The default CA folder: `AGENT_TASKS_EMULATOR_CA_DIR`, else `$XDG_DATA_HOME/agent-tasks/emulator-ca`,
 * else `~/.local/share/agent-tasks/emulator-ca`. Shared by every emulator on the machine, as mkcert's
 * CAROOT is, so one trusted CA covers every port.
 */
export function defaultCaDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AGENT_TASKS_EMULATOR_CA_DIR) return env.AGENT_TASKS_EMULATOR_CA_DIR
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(dataHome, 'agent-tasks', 'emulator-ca')
}

async function readCa(dir: string): Promise<LocalCa | 'missing' | 'expiring'> {
  try {
    const [certPem, keyPem] = await Promise.all([readFile(join(dir, CA_CERT), 'utf8'), readFile(join(dir, CA_KEY), 'utf8')])
    const cert = new X509Certificate(certPem)
    if (Date.parse(cert.validTo) < Date.now() + 24 * 3600 * 1000) return 'expiring'
    return { dir, certPem, keyPem }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
}

async function createCa(dir: string): Promise<LocalCa> {
  const now = new Date()
  const pems = await generate([{ name: 'commonName', value: 'agent-tasks emulator local CA' }, { name: 'organizationName', value: 'agent-tasks (development only)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + TEN_YEARS_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  })
  // Written to a fresh folder renamed into place, so emulators starting at once never pair one's
  // certificate with another's key: the first rename wins and the others read the winner's CA.
  await mkdir(dirname(dir), { recursive: true, mode: 0o700 })
  const staging = await mkdtemp(`${dir}.tmp-`)
  await writeFile(join(staging, CA_KEY), pems.private, { mode: 0o600 })
  await writeFile(join(staging, CA_CERT), pems.cert, { mode: 0o644 })
  try {
    await rename(staging, dir)
    return { dir, certPem: pems.cert, keyPem: pems.private }
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    const winner = await readCa(dir)
    if (typeof winner === 'object') return winner
    throw error
  }
}

/** Loads the CA from `dir`, creating it on first use (or when it is about to expire). */
export async function loadOrCreateCa(dir: string): Promise<LocalCa> {
  const found = await readCa(dir)
  if (typeof found === 'object') return found
  if (found === 'expiring') await rm(dir, { recursive: true, force: true })
  return createCa(dir)
}
