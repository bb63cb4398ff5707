import { UploadLink } from '../../src/sandbox/upload-link.js'

describe('UploadLink', () => {
  it('shares one rate among all chunks: each waits until the link has sent those before it', () => {
    let now = 0
    const link = new UploadLink(() => now)
    // Two parts' first chunks at 1000 B/s: the second finishes after the first, not alongside it.
    expect(link.delayFor(500, 1000)).toBe(500)
    expect(link.delayFor(500, 1000)).toBe(1000)
    now = 400
    expect(link.delayFor(1000, 1000)).toBe(1600)
  })

  it('does not bank idle time: after a pause the next chunk takes its own time only', () => {
    let now = 0
    const link = new UploadLink(() => now)
    expect(link.delayFor(100, 1000)).toBe(100)
    now = 5000
    expect(link.delayFor(100, 1000)).toBe(100)
  })
})
