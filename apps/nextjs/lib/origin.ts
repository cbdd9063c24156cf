import { headers } from 'next/headers'

/** The origin the browser used, from the forwarded host Next.js records (as it does for Server Actions). */
export async function requestOrigin(): Promise<string> {
  const list = await headers()
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost'
  const protocol = list.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http'
  return `${protocol}://${host.split(',')[0]?.trim()}`
}
