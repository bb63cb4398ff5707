/**
 * One workload in a fresh process: the action's engine (deliverMedia, exactly as the action runs it,
 * default poll timing included) against a sandbox at the given URL, usually in another process.
 * Prints one JSON line: wall time, the HTTP layer's statistics, the gate's limit over time and this
 * process's peak RSS. A fresh process per workload keeps one workload's memory out of the next.
 *
 *   tsx bench/workload.ts '<JSON WorkloadSpec>'
 */
import { observeGates } from '../src/asc/gate.js'
import { deliverMedia, newResult, type RunResult } from '../src/pipeline.js'
import { allEntries, countEntries } from '../src/report/entries.js'
import { memoryLogger } from '../src/report/logger.js'
import { parseSettings } from '../src/settings/settings.js'
import type { SandboxKeys, SandboxOptions } from '../src/sandbox/index.js'
import { machineTicksNow, type MachineTicks } from './machine-cpu.js'

export interface WorkloadSpec {
  /** A running sandbox (another process), or options to start one in this process (W6 only). */
  sandbox: { url: string; keys: SandboxKeys } | { inProcess: SandboxOptions & { extraLocales?: string[] } }
  workspace: string
  inputs: Record<string, string>
  /** W6: after `after` uploads set these sandbox faults; after `until` uploads clear them. */
  faultWindow?: { after: number; until: number; faults: { api429Rate?: number; api5xxRate?: number } }
}

export interface GateSample {
  t: number
  limit: number
  inFlight: number
  event: string
}

export interface WorkloadOutput {
  ok: boolean
  error?: string
  wallMs: number
  phases: Record<string, number>
  stats: RunResult['stats']
  counts: ReturnType<typeof countEntries>
  failures: string[]
  mediaApiAvailable: boolean
  baselineRssBytes: number
  maxRssBytes: number
  rssByPhase: Record<string, number>
  gate: GateSample[]
  uploadsDone: number
  /** CPU time (user + system) of this process during the run (not its module loading). */
  cpuMs: number
  /** The whole machine's CPU clock ticks (all cores) at each phase's start and at `done`; Linux only. */
  machineTicks: Record<string, MachineTicks>
}

const spec = JSON.parse(process.argv[2] ?? '{}') as WorkloadSpec

// Quiet @actions/glob's ::debug:: lines so stdout carries only our JSON.
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
  typeof chunk === 'string' && chunk.startsWith('::') ? true : write(chunk, ...(rest as []))) as typeof process.stdout.write

let sandboxUrl: string
let keys: SandboxKeys
let setFaults: ((f: { api429Rate?: number; api5xxRate?: number }) => void) | undefined
let closeSandbox: (() => Promise<void>) | undefined
if ('inProcess' in spec.sandbox) {
  const { startSandbox } = await import('../src/sandbox/index.js')
  const { extraLocales: _extra, ...options } = spec.sandbox.inProcess
  const sb = await startSandbox(options)
  sandboxUrl = sb.url
  keys = sb.keys
  setFaults = f => sb.setOptions({ faults: { api429Rate: f.api429Rate ?? 0, api5xxRate: f.api5xxRate ?? 0 } })
  closeSandbox = () => sb.close()
} else {
  sandboxUrl = spec.sandbox.url
  keys = spec.sandbox.keys
}

const settings = parseSettings(
  {
    'issuer-id': keys.issuerId,
    'key-id': keys.keyId,
    'private-key': keys.privateKeyPem,
    'bundle-id': 'com.example.aurora',
    'api-base-url': sandboxUrl,
    version: '1.2.0',
    ...spec.inputs
  },
  { workspace: spec.workspace, tempDir: spec.workspace }
)

const started = performance.now()
const gate: GateSample[] = []
const stopObserving = observeGates(e => gate.push({ t: Math.round(performance.now() - started), limit: e.limit, inFlight: e.inFlight, event: e.event }))
const phases: Record<string, number> = {}
const machineTicks: Record<string, MachineTicks> = {}
const markMachine = (name: string): void => {
  const ticks = machineTicksNow()
  if (ticks) machineTicks[name] = ticks
}
/**
 * Peak RSS seen during each phase, in MB: which phase sets the process peak (the peak itself is the
 * kernel's maxRSS). Sampled every 25 ms: during W1 one RSS reading took about 0.27 ms of the main
 * thread (12 µs in an idle process), so sampling every 10 ms cost W1 80 ms.
 */
const rssByPhase: Record<string, number> = {}
let phase = 'start'
const sampler = setInterval(() => {
  rssByPhase[phase] = Math.max(rssByPhase[phase] ?? 0, Math.round(process.memoryUsage.rss() / 1048576))
}, 25)
const base = memoryLogger()
const log = {
  ...base,
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    phases[name] = Math.round(performance.now() - started)
    markMachine(name)
    phase = name
    return base.group(name, fn)
  }
}
let uploadsDone = 0
const onProgress = (e: { type: string }): void => {
  if (e.type !== 'uploaded') return
  uploadsDone++
  const w = spec.faultWindow
  if (w && setFaults && uploadsDone === w.after) {
    gate.push({ t: Math.round(performance.now() - started), limit: -1, inFlight: -1, event: `faults on ${JSON.stringify(w.faults)}` })
    setFaults(w.faults)
  }
  if (w && setFaults && uploadsDone === w.until) {
    gate.push({ t: Math.round(performance.now() - started), limit: -1, inFlight: -1, event: 'faults off' })
    setFaults({})
  }
}

const baselineRssBytes = process.memoryUsage().rss
const result = newResult(settings)
let error: string | undefined
const t0 = performance.now()
const cpuAtStart = process.cpuUsage()
try {
  await deliverMedia(settings, { log, onProgress }, result)
} catch (e) {
  error = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
}
const wallMs = performance.now() - t0
const cpu = process.cpuUsage(cpuAtStart)
phases.done = Math.round(performance.now() - started)
markMachine('done')
clearInterval(sampler)
stopObserving()
const entries = allEntries(result)
const counts = countEntries(entries, result.runs)
const failures = result.runs.flatMap(r => [...r.failures.values()])
await closeSandbox?.()
const out: WorkloadOutput = {
  ok: !error && counts.failed === 0,
  error,
  wallMs,
  phases,
  stats: result.stats,
  counts,
  failures,
  mediaApiAvailable: 'mediaApi' in settings,
  baselineRssBytes,
  // Linux reports maxRSS in KiB: the peak resident set of this whole process, module loading included.
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  rssByPhase,
  gate,
  uploadsDone,
  cpuMs: (cpu.user + cpu.system) / 1000,
  machineTicks
}
write(`${JSON.stringify(out)}\n`)
process.exit(0)
