import { describe, expect, it } from '@jest/globals'
import { waitForProcessing, type PollTarget } from '../../src/deliver/poller.js'
import { Gate, observeGates } from '../../src/asc/gate.js'
import type { RemoteAsset } from '../../src/model.js'

/** A fake clock whose sleep advances time instantly. */
function clock() {
  let t = 1_000_000
  return { now: () => t, sleep: async (ms: number) => void (t += ms) }
}

function asset(id: string, state: RemoteAsset['state']): RemoteAsset {
  return { id, kind: 'screenshot', fileName: `${id}.png`, fileSize: 1, checksum: null, state, errors: [] }
}

/** Containers whose assets finish `processingMs` after the call; counts listings. */
function containers(keys: string[], processingMs: number, c: ReturnType<typeof clock>) {
  const start = c.now()
  const reads: { key: string; at: number }[] = []
  const targets = new Map<string, PollTarget>(
    keys.map(key => [
      key,
      {
        key,
        read: async () => {
          reads.push({ key, at: c.now() - start })
          return new Map([[`set-${key}`, [asset(`${key}-a`, c.now() - start >= processingMs ? 'COMPLETE' : 'UPLOAD_COMPLETE')]]])
        }
      }
    ])
  )
  const pending = new Map(keys.map(k => [`${k}-a`, k]))
  return { targets, pending, reads }
}

describe('waitForProcessing', () => {
  it('reads each container once when processing takes no longer than the estimate', async () => {
    const c = clock()
    const { targets, pending, reads } = containers(['a', 'b', 'c'], 400, c)
    const result = await waitForProcessing(pending, targets, { timeoutMs: 60_000, initialDelayMs: 500, random: () => 0, ...c })
    expect(result.timedOut).toEqual([])
    expect(reads.map(r => r.key).sort()).toEqual(['a', 'b', 'c'])
    expect(Math.min(...reads.map(r => r.at))).toBe(500)
  })

  it('probes one container while the estimate is unproven, so a short guess costs one request per round', async () => {
    const c = clock()
    const { targets, pending, reads } = containers(['a', 'b', 'c', 'd', 'e', 'f'], 5_000, c)
    const result = await waitForProcessing(pending, targets, { timeoutMs: 60_000, initialDelayMs: 500, random: () => 0, ...c })
    expect(result.timedOut).toEqual([])
    const probes = reads.filter(r => r.at < 5_000)
    expect(new Set(probes.map(r => r.key)).size).toBe(1)
    // Once the probe is done, the others are read once each.
    expect(reads.length).toBe(probes.length + 6)
    expect(reads.length).toBeLessThan(6 * 3)
  })

  it('looks once more at the deadline and reports what is still processing', async () => {
    const c = clock()
    const { targets, pending, reads } = containers(['a'], 1e9, c)
    const result = await waitForProcessing(pending, targets, { timeoutMs: 3_000, initialDelayMs: 500, random: () => 0, ...c })
    expect(result.timedOut).toEqual(['a-a'])
    expect(reads[reads.length - 1]?.at).toBe(3_000)
  })

  it('uses commit times when given: a container is read when its newest asset should be done', async () => {
    const c = clock()
    const { targets, pending, reads } = containers(['a'], 0, c)
    await waitForProcessing(pending, targets, { timeoutMs: 60_000, initialDelayMs: 500, random: () => 0, committedAt: new Map([['a-a', c.now() - 400]]), ...c })
    expect(reads.map(r => r.at)).toEqual([100])
  })
})

describe('Gate latency and observers', () => {
  it('does not grow on responses much slower than the recent best', () => {
    const gate = new Gate(4, 1)
    gate.onHealthy(40)
    expect(gate.limit).toBe(2)
    gate.onHealthy(400)
    gate.onHealthy(400)
    expect(gate.limit).toBe(2)
    gate.onHealthy(45)
    gate.onHealthy(50)
    expect(gate.limit).toBe(3)
  })

  it('tells observers about every change of the limit', () => {
    const seen: string[] = []
    const stop = observeGates(e => seen.push(`${e.event}:${e.limit}`))
    const gate = new Gate(4, 2)
    gate.onHealthy()
    gate.onHealthy()
    gate.onOverload()
    stop()
    gate.onOverload()
    expect(seen).toEqual(['grow:3', 'overload:1'])
  })
})
