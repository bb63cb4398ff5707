/**
 * The bench's "machine busy" figures (bench/machine-cpu.ts): the README's W1 explanation says whether the
 * upload phase waited on CPU or on round trips from them, so the arithmetic is checked by hand here.
 */
import { busyByPhase, machineTicksNow } from '../../bench/machine-cpu.js'

describe('machineTicksNow', () => {
  it('reads busy and total ticks from the first line of /proc/stat (idle and iowait are not busy)', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    const stat = 'cpu  100 5 40 800 20 3 2 0 0 0\ncpu0 50 2 20 400 10 1 1 0 0 0\n'
    expect(machineTicksNow(() => stat)).toEqual({ busy: 150, total: 970 })
  })

  it('is undefined where there is no /proc/stat or it is not what Linux writes', () => {
    expect(
      machineTicksNow(() => {
        throw new Error('ENOENT')
      })
    ).toBeUndefined()
    expect(machineTicksNow(() => 'intr 1 2 3\n')).toBeUndefined()
  })

  it('on Linux, counts up as the machine works', () => {
    const first = machineTicksNow()
    if (process.platform !== 'linux') return expect(first).toBeUndefined()
    const end = Date.now() + 60
    while (Date.now() < end) Math.sqrt(Math.random())
    const second = machineTicksNow()
    expect(second?.total).toBeGreaterThan(first?.total ?? Infinity)
    expect(second?.busy).toBeGreaterThan(first?.busy ?? Infinity)
  })
})

describe('busyByPhase', () => {
  it('gives each phase the busy share from its start to the next phase, in time order, done last', () => {
    const ticks = {
      done: { busy: 290, total: 500 },
      Upload: { busy: 110, total: 200 },
      Resolve: { busy: 10, total: 100 }
    }
    const busy = busyByPhase(ticks, { Upload: 300, Resolve: 5 })
    expect(busy).toEqual({ Resolve: 1, Upload: 0.6 })
  })

  it('leaves out a phase shorter than a clock tick, and says nothing without two readings', () => {
    const ticks = { Plan: { busy: 10, total: 100 }, Upload: { busy: 10, total: 100 }, done: { busy: 60, total: 200 } }
    expect(busyByPhase(ticks, { Plan: 10, Upload: 11 })).toEqual({ Upload: 0.5 })
    expect(busyByPhase({ done: { busy: 1, total: 2 } }, {})).toBeUndefined()
  })
})
