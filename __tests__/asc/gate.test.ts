import { describe, expect, it } from '@jest/globals'
import { Gate } from '../../src/asc/gate.js'

const tick = () => new Promise(r => setImmediate(r))

describe('Gate', () => {
  it('starts at initial, clamped to [1, max]', () => {
    expect(new Gate(8).limit).toBe(8)
    expect(new Gate(8, 3).limit).toBe(3)
    expect(new Gate(8, 0).limit).toBe(1)
    expect(new Gate(8, 20).limit).toBe(8)
  })

  it('never lets more than limit in flight', async () => {
    const gate = new Gate(3)
    let inFlight = 0
    let peak = 0
    const work = async (ms: number) => {
      await gate.acquire()
      inFlight++
      peak = Math.max(peak, inFlight)
      expect(gate.inFlight).toBeLessThanOrEqual(3)
      await new Promise(r => setTimeout(r, ms))
      inFlight--
      gate.release()
    }
    await Promise.all(Array.from({ length: 12 }, (_, i) => work(1 + (i % 4))))
    expect(peak).toBe(3)
    expect(gate.peak).toBe(3)
    expect(gate.inFlight).toBe(0)
  })

  it('hands slots over in FIFO order', async () => {
    const gate = new Gate(1)
    await gate.acquire()
    const order: number[] = []
    const waiters = [1, 2, 3, 4].map(n => gate.acquire().then(() => order.push(n)))
    await tick()
    expect(order).toEqual([])
    for (let i = 0; i < 4; i++) {
      gate.release()
      await tick()
    }
    await Promise.all(waiters)
    expect(order).toEqual([1, 2, 3, 4])
  })

  it('a newcomer cannot overtake a waiter', async () => {
    const gate = new Gate(1)
    await gate.acquire()
    const order: string[] = []
    const first = gate.acquire().then(() => order.push('waiter'))
    gate.release()
    const second = gate.acquire().then(() => order.push('newcomer'))
    await first
    expect(order).toEqual(['waiter'])
    gate.release()
    await second
    expect(order).toEqual(['waiter', 'newcomer'])
  })

  it('onOverload halves the limit, never below 1', () => {
    const gate = new Gate(16)
    gate.onOverload()
    expect(gate.limit).toBe(8)
    gate.onOverload()
    expect(gate.limit).toBe(4)
    gate.onOverload()
    gate.onOverload()
    expect(gate.limit).toBe(1)
    gate.onOverload()
    expect(gate.limit).toBe(1)
  })

  it('after an overload, new requests wait until in-flight drops below the new limit', async () => {
    const gate = new Gate(4)
    for (let i = 0; i < 4; i++) await gate.acquire()
    gate.onOverload() // limit 2, 4 in flight
    let admitted = false
    const p = gate.acquire().then(() => (admitted = true))
    gate.release()
    gate.release()
    await tick()
    expect(admitted).toBe(false) // 2 in flight = limit
    gate.release()
    await p
    expect(admitted).toBe(true)
    expect(gate.inFlight).toBe(2)
  })

  it('onHealthy grows by one after a streak as long as the limit, up to max', () => {
    const gate = new Gate(4, 1)
    gate.onHealthy()
    expect(gate.limit).toBe(2)
    gate.onHealthy()
    expect(gate.limit).toBe(2)
    gate.onHealthy()
    expect(gate.limit).toBe(3)
    for (let i = 0; i < 3; i++) gate.onHealthy()
    expect(gate.limit).toBe(4)
    for (let i = 0; i < 100; i++) gate.onHealthy()
    expect(gate.limit).toBe(4)
  })

  it('an overload resets the healthy streak', () => {
    const gate = new Gate(8, 4)
    gate.onHealthy()
    gate.onHealthy()
    gate.onHealthy()
    gate.onOverload() // 2
    gate.onHealthy()
    expect(gate.limit).toBe(2)
    gate.onHealthy()
    expect(gate.limit).toBe(3)
  })

  it('growing the limit admits a waiter', async () => {
    const gate = new Gate(2, 1)
    await gate.acquire()
    let admitted = false
    const p = gate.acquire().then(() => (admitted = true))
    await tick()
    expect(admitted).toBe(false)
    gate.onHealthy() // limit 2
    await p
    expect(admitted).toBe(true)
    expect(gate.inFlight).toBe(2)
  })
})
