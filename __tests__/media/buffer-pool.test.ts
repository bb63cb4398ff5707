/**
 * The pools that files are read into (small files before their upload, the local checks' windows,
 * hashing): a buffer given back is the one the next read of a fitting size gets, so a release's
 * screenshots reuse a few buffers instead of allocating one each.
 */
import { BufferPool } from '../../src/media/buffer-pool.js'

const MiB = 1024 * 1024

describe('BufferPool', () => {
  it('hands out exactly the size asked for, in whole-MiB buffers', () => {
    const pool = new BufferPool(4)
    const a = pool.take(1_500_000)
    expect(a.length).toBe(1_500_000)
    expect(a.buffer.byteLength).toBe(2 * MiB)
    expect(pool.take(10).buffer.byteLength).toBe(MiB)
  })

  it('reuses a buffer given back, for any size that fits', () => {
    const pool = new BufferPool(4)
    const first = pool.take(1_500_000)
    pool.give(first)
    expect(pool.idleCount).toBe(1)
    const second = pool.take(1_800_000)
    expect(second.buffer).toBe(first.buffer)
    expect(second.length).toBe(1_800_000)
    expect(pool.idleCount).toBe(0)
    // Too big for anything idle: a new buffer, and the idle one stays.
    pool.give(second)
    const big = pool.take(3 * MiB + 1)
    expect(big.buffer).not.toBe(first.buffer)
    expect(big.buffer.byteLength).toBe(4 * MiB)
    expect(pool.idleCount).toBe(1)
  })

  it('picks the smallest idle buffer that fits, so big ones stay for big files', () => {
    const pool = new BufferPool(4)
    const four = pool.take(4 * MiB)
    const two = pool.take(2 * MiB)
    pool.give(four)
    pool.give(two)
    expect(pool.take(1_000_000).buffer).toBe(two.buffer)
    expect(pool.take(1_000_000).buffer).toBe(four.buffer)
  })

  it('rounds capacities up to its granule', () => {
    const pool = new BufferPool(4, 256 * 1024)
    expect(pool.take(1).buffer.byteLength).toBe(256 * 1024)
    expect(pool.take(300 * 1024).buffer.byteLength).toBe(512 * 1024)
  })

  it('keeps a buffer given back twice only once, so two readers never share it', () => {
    const pool = new BufferPool(4)
    const a = pool.take(MiB)
    pool.give(a)
    pool.give(a)
    expect(pool.idleCount).toBe(1)
    expect(pool.take(MiB).buffer).toBe(a.buffer)
    expect(pool.take(MiB).buffer).not.toBe(a.buffer)
  })

  it('keeps at most maxIdle buffers; the rest are left to the collector', () => {
    const pool = new BufferPool(2)
    const taken = [pool.take(MiB), pool.take(MiB), pool.take(MiB)]
    for (const b of taken) pool.give(b)
    expect(pool.idleCount).toBe(2)
  })
})
