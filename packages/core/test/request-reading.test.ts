import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readWebBody } from '../src/http/web-request.js'
import { clerkHeaderToken } from '../src/http/same-origin.js'
import { readNodeBody } from '../src/node.js'
import { rejection } from './rejection.js'

const limits = { maxBytes: 16, timeoutMs: 200 }


describe('clerkHeaderToken: the Authorization header as @clerk/backend reads it', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['Bearer abc def', 'abc'],
    ['abc', 'abc'], // no scheme: Clerk takes the whole value as the token
    ['Bearer', 'Bearer'],
    ['bearer abc', undefined], // Clerk falls back to cookies
    ['BEARER abc', undefined],
    ['Basic eDp5', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, token) => {
    expect(clerkHeaderToken(header)).toBe(token)
  })
})

describe('readNodeBody', () => {
  it('reads the whole body as UTF-8', async () => {
    const stream = new PassThrough()
    const text = readNodeBody(stream, limits)
    stream.write(Buffer.from('{"a":'))
    stream.end(Buffer.from('"é"}'))
    expect(await text).toBe('{"a":"é"}')
  })

  it('stops at the size limit with 413 and Connection: close', async () => {
    const stream = new PassThrough()
    const text = readNodeBody(stream, limits)
    stream.write('x'.repeat(17))
    const error = await rejection(text)
    expect(error).toMatchObject({ code: 'payload_too_large', status: 413, headers: { Connection: 'close' } })
  })

  it('gives up on a body that stops arriving with 408', async () => {
    const stream = new PassThrough()
    const started = Date.now()
    const text = readNodeBody(stream, limits)
    stream.write('{"t')
    const error = await rejection(text)
    expect(error).toMatchObject({ code: 'request_timeout', status: 408, headers: { Connection: 'close' } })
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('reports a client that leaves mid-body as a cut-off body, not a server error', async () => {
    const stream = new PassThrough()
    const text = readNodeBody(stream, limits)
    stream.write('{"t')
    stream.destroy()
    expect(await rejection(text)).toMatchObject({ code: 'invalid_request', fields: [{ field: '(body)', message: 'was cut off' }] })
  })
})

describe('readWebBody', () => {
  it('gives up on a stream that never ends with 408, even when its pending read never settles', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"t'))
      },
    })
    expect(await rejection(readWebBody(body, limits))).toMatchObject({ code: 'request_timeout' })
  })

  it('stops at the size limit with 413', async () => {
    const body = new Response('x'.repeat(17)).body
    expect(await rejection(readWebBody(body, limits))).toMatchObject({ code: 'payload_too_large' })
  })
})
