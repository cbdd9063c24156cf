import { describe, expect, it } from 'vitest'
import { describeUrl } from '../src/describe-url.js'

describe('describeUrl', () => {
  it('describes a URL by origin and path only', () => {
    expect(describeUrl('http://127.0.0.1:3000/dashboard?__clerk_handshake=xyz#f')).toBe('http://127.0.0.1:3000/dashboard')
  })

  it('names an unparsable URL without echoing it', () => {
    expect(describeUrl('not a url ?ticket=abc')).toBe('(an unparsable URL)')
  })
})
