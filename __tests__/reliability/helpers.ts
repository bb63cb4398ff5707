/**
 * Shared by the reliability suites: a small standard workspace, an in-process run with the same
 * settings parser and engine as the action (plus a movable clock), a live view of the sandbox's
 * request log, and the convergence check every suite ends with.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { deliverMedia, newResult, type RunResult } from '../../src/pipeline.js'
import { allEntries, countEntries, type Counts } from '../../src/report/entries.js'
import { memoryLogger } from '../../src/report/logger.js'
import type { ReportEntry } from '../../src/model.js'
import type { RequestRecord, Sandbox } from '../../src/sandbox/index.js'
import { parseSettings } from '../../src/settings/settings.js'
import { IPHONE, ROOT, setContents, writeMapping, writePng, writePreview } from '../e2e/harness.js'

export { ROOT }

export const MAPPING = `screenshots:
  - files: "shots/{locale}/*.png"
    display-type: APP_IPHONE_67
previews:
  - files: "previews/{locale}/*.mp4"
    preview-type: IPHONE_67
`

export const LOCALES = ['en-US', 'de-DE'] as const
export const SHOTS = 4

/** en-US and de-DE with four 6.9" screenshots each, and one 11 MB (three-part) preview in en-US. */
export async function standardWorkspace(options: { previewBytes?: number } = {}): Promise<string> {
  const ws = await mkdtemp(path.join(tmpdir(), 'asc-rel-'))
  await writeMapping(ws, MAPPING)
  for (const locale of LOCALES) {
    for (let n = 1; n <= SHOTS; n++) await writePng(ws, `shots/${locale}/${n}.png`, IPHONE[0], IPHONE[1], n + (locale === 'de-DE' ? 50 : 0))
  }
  await writePreview(ws, 'previews/en-US/a.mp4', options.previewBytes ?? 11 * 1024 * 1024)
  return ws
}

export function expectedShots(n = SHOTS): string[] {
  return Array.from({ length: n }, (_, i) => `${i + 1}.png:COMPLETE`)
}

/** The whole promise: exactly the local files, in order, no duplicates, nothing half-made anywhere. */
export function convergedState(sandbox: Sandbox): { sets: Record<string, string[]>; awaiting: number; failed: number; processing: number } {
  const sets: Record<string, string[]> = {}
  for (const locale of LOCALES) sets[`${locale} APP_IPHONE_67`] = setContents(sandbox, locale, 'APP_IPHONE_67')
  sets['en-US IPHONE_67'] = setContents(sandbox, 'en-US', 'IPHONE_67')
  return {
    sets,
    awaiting: sandbox.store.countAssets('AWAITING_UPLOAD'),
    failed: sandbox.store.countAssets('FAILED'),
    processing: sandbox.store.countAssets('UPLOAD_COMPLETE') + sandbox.store.countAssets('PROCESSING')
  }
}

export const CONVERGED = {
  sets: { 'en-US APP_IPHONE_67': expectedShots(), 'de-DE APP_IPHONE_67': expectedShots(), 'en-US IPHONE_67': ['a.mp4:COMPLETE'] },
  awaiting: 0,
  failed: 0,
  processing: 0
}

export interface Outcome {
  result?: RunResult
  error?: Error
  entries: ReportEntry[]
  counts: Counts
  logs: string[]
}

export interface RunOptions {
  inputs?: Record<string, string>
  /** The client's clock (token lifetimes, upload URL expiry, rate-limit pauses). */
  now?: () => number
  key?: { issuerId?: string; keyId: string; privateKeyPem: string }
}

/** Like the e2e harness's runDelivery, with a client clock and the key as options. */
export async function runOnce(sandbox: Sandbox, ws: string, options: RunOptions = {}): Promise<Outcome> {
  const log = memoryLogger()
  let result: RunResult | undefined
  const key = options.key ?? { issuerId: sandbox.keys.issuerId, keyId: sandbox.keys.keyId, privateKeyPem: sandbox.keys.privateKeyPem }
  try {
    const settings = parseSettings(
      {
        'issuer-id': key.issuerId,
        'key-id': key.keyId,
        'private-key': key.privateKeyPem,
        'bundle-id': 'com.example.aurora',
        'api-base-url': sandbox.url,
        version: '1.2.0',
        ...options.inputs
      },
      { workspace: ws, tempDir: ws }
    )
    result = newResult(settings)
    await deliverMedia(settings, { log, pollInitialDelayMs: 60, now: options.now }, result)
  } catch (error) {
    const entries = result ? allEntries(result) : []
    return { result, error: error as Error, entries, counts: countEntries(entries, result?.runs ?? []), logs: log.lines }
  }
  const entries = allEntries(result)
  return { result, entries, counts: countEntries(entries, result.runs), logs: log.lines }
}

/** Calls `listener` for every request the sandbox logs, as it is logged (after the response was sent). */
export function onRequest(sandbox: Sandbox, listener: (r: RequestRecord, all: RequestRecord[]) => void): () => void {
  const log = sandbox.requests
  const push = log.push
  log.push = function (...items: RequestRecord[]): number {
    const n = push.apply(this, items)
    for (const r of items) listener(r, log)
    return n
  }
  return () => {
    log.push = push
  }
}

export const isWrite = (r: RequestRecord): boolean => r.host === 'upload' || r.method !== 'GET'

export function writes(sandbox: Sandbox): number {
  return sandbox.requests.filter(isWrite).length
}

/** Environment of a runner step: INPUT_* variables and the files GitHub gives a step. */
export async function actionEnv(sandbox: Sandbox, ws: string, extra: Record<string, string> = {}): Promise<{ env: NodeJS.ProcessEnv; dir: string; files: { output: string; summary: string; report: string } }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'asc-rel-runner-'))
  const files = { output: path.join(dir, 'output.txt'), summary: path.join(dir, 'summary.md'), report: path.join(dir, 'report.json') }
  await writeFile(files.output, '')
  await writeFile(files.summary, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REF: 'refs/tags/v1.2.0',
    RUNNER_TEMP: dir,
    'INPUT_ISSUER-ID': sandbox.keys.issuerId,
    'INPUT_KEY-ID': sandbox.keys.keyId,
    'INPUT_PRIVATE-KEY': sandbox.keys.privateKeyPem,
    'INPUT_BUNDLE-ID': 'com.example.aurora',
    'INPUT_API-BASE-URL': sandbox.url,
    'INPUT_REPORT-PATH': files.report,
    ...extra
  }
  return { env, dir, files }
}

export interface ChildRun {
  child: ChildProcess
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
}

/** Starts `node <script>` (a .js bundle) or `tsx <script>` (TypeScript sources) with the given environment. */
export function startChild(script: string, env: NodeJS.ProcessEnv): ChildRun {
  const args = script.endsWith('.ts') ? [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script] : [script]
  const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c))
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c))
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(resolve =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  )
  return { child, done }
}

/** mulberry32: small seeded PRNG for choosing kill points and fault seeds. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
