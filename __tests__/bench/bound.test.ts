/**
 * The benchmark's lower bound (bench/bound.ts): the README's ratios divide by it, so its arithmetic is
 * checked on small plans worked out by hand.
 */
import { lowerBound, type BoundParams, type MinimalPlan } from '../../bench/bound.js'

const params: BoundParams = { apiLatencyMs: 40, uploadLatencyMs: 2, processingMs: 500, concurrency: 2, partSize: 5_242_880 }
const twoFiles: MinimalPlan = { containers: 1, pollContainers: 1, setsToCreate: 1, files: [1000, 1000], deletes: 0, reorders: 0 }

describe('lowerBound', () => {
  it('with no cap, bytes cost nothing: the chain of round trips or the API work over the slots sets it', () => {
    const b = lowerBound(params, twoFiles)
    // app, version, read (120) → create set (40) → reserve, PUT, commit (82) → processing and one poll (540)
    expect(b.chainMs).toBe(782)
    // 120 + (1 create + 2 × 2 reserve/commit) × 40 / 2 slots + 540
    expect(b.throughputMs).toBe(760)
    expect(b.boundMs).toBe(782)
    // app, version, one listing, one create, reserve + commit × 2, one verifying listing
    expect(b.minApiRequests).toBe(9)
    expect([b.parts, b.bytes]).toEqual([2, 2000])
  })

  it('charges all bytes through the one link: a cap is shared by the parts, not multiplied by the slots', () => {
    const b = lowerBound({ ...params, bandwidthBytesPerSec: 1000 }, twoFiles)
    // Uploads: 2 parts × 2 ms / 2 slots + 2000 bytes at 1000 B/s, more than the API's 100 ms.
    expect(b.throughputMs).toBe(120 + 2 + 2000 + 540)
    // The chain carries one part's transfer at the full rate.
    expect(b.chainMs).toBe(782 + 1000)
    expect(b.boundMs).toBe(2662)
  })

  it('splits big files into parts, and counts a plan without uploads by its writes', () => {
    expect(lowerBound(params, { ...twoFiles, files: [12 * 1024 * 1024] }).parts).toBe(3)
    const deletesOnly = lowerBound(params, { containers: 2, pollContainers: 0, setsToCreate: 0, files: [], deletes: 2, reorders: 1 })
    // app, version, read, then one round of writes; no processing to wait for
    expect(deletesOnly.chainMs).toBe(160)
    expect(deletesOnly.throughputMs).toBe(120 + (3 * 40) / 2)
    expect(deletesOnly.minApiRequests).toBe(2 + 2 + 3)
  })
})
