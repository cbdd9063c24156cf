import type { NextConfig } from 'next'

const config: NextConfig = {
  poweredByHeader: false,
  // Agent links sit in the dashboard's markup: never let a URL leak through Referer. The
  // Content-Security-Policy needs a per-request nonce, so proxy.ts sets it.
  headers: async () => [{ source: '/:path*', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] }],
}

export default config
