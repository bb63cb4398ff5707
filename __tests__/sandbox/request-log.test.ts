/**
 * The request log's overlap count, which the bench's "server peak" column and the scheduling tests
 * read: how many requests the sandbox was serving at one instant.
 */
import { peakOverlap } from '../../src/sandbox/request-log.js'

describe('peakOverlap', () => {
  it('counts the most requests open at one instant', () => {
    expect(peakOverlap([])).toBe(0)
    expect(peakOverlap([{ at: 0, durationMs: 10 }])).toBe(1)
    // 0–10, 5–15 and 8–9 overlap at 8; 20–30 stands alone.
    expect(peakOverlap([{ at: 0, durationMs: 10 }, { at: 5, durationMs: 10 }, { at: 8, durationMs: 1 }, { at: 20, durationMs: 10 }])).toBe(3)
  })

  it('a request that ends as another arrives does not overlap it', () => {
    expect(peakOverlap([{ at: 0, durationMs: 10 }, { at: 10, durationMs: 10 }])).toBe(1)
  })

  it('counts an instant answer as 1 ms, so two arriving in the same millisecond overlap', () => {
    expect(peakOverlap([{ at: 3, durationMs: 0 }, { at: 3, durationMs: 0.2 }])).toBe(2)
  })
})
