/**
 * How busy the whole machine was during each phase of a workload: the action, the sandbox and the
 * kernel's network work together, from Linux's /proc/stat. On a machine with few cores the action and
 * the sandbox compete, and this shows whether a phase was waiting on round trips or on CPU.
 */
import { readFileSync } from 'node:fs'

/** CPU clock ticks summed over all cores since boot. */
export interface MachineTicks {
  busy: number
  total: number
}

/** The first line of /proc/stat ("cpu  user nice system idle iowait irq softirq steal …"), or undefined elsewhere. */
export function machineTicksNow(read: () => string = () => readFileSync('/proc/stat', 'utf8')): MachineTicks | undefined {
  try {
    const line = read().split('\n', 1)[0] ?? ''
    if (!/^cpu\s/.test(line)) return undefined
    const fields = line.trim().split(/\s+/).slice(1, 9).map(Number)
    const total = fields.reduce((a, b) => a + b, 0)
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0) // idle + iowait
    return Number.isFinite(total) && total > 0 ? { busy: total - idle, total } : undefined
  } catch {
    return undefined
  }
}

/**
 * The share of the machine's cores busy from each phase's start to the next one's (`done` last), given
 * the ticks read at each start and the phases' start times. A phase shorter than a clock tick is left out.
 */
export function busyByPhase(ticks: Record<string, MachineTicks>, phaseStartMs: Record<string, number>): Record<string, number> | undefined {
  const at = (name: string): number => (name === 'done' ? Infinity : (phaseStartMs[name] ?? 0))
  const marks = Object.entries(ticks).sort(([a], [b]) => at(a) - at(b))
  const busy: Record<string, number> = {}
  for (let i = 0; i + 1 < marks.length; i++) {
    const [name, from] = marks[i] as [string, MachineTicks]
    const to = (marks[i + 1] as [string, MachineTicks])[1]
    if (to.total > from.total) busy[name] = (to.busy - from.busy) / (to.total - from.total)
  }
  return Object.keys(busy).length ? busy : undefined
}
