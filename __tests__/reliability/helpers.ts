/**
 * Shared by the reliability suites: a small standard workspace, an in-process run with the same
 * settings parser and engine as the action (plus a movable clock), a live view of the sandbox's
 * request log, and the convergence check every suite ends with.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RequestRecord, Sandbox } from '../../src/sandbox/index.js'
import { runnerEnv } from '../../src/sandbox/runner-env.js'
import { IPHONE, ROOT, runOnce, setContents, writeMapping, writePng, writePreview } from '../e2e/harness.js'

export { ROOT }
/** mulberry32 (the sandbox's fault stream): small seeded PRNG for choosing kill points and fault seeds. */
export { mulberry32 as prng } from '../../src/sandbox/faults.js'

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

export type { RunOptions, RunOutcome as Outcome } from '../e2e/harness.js'
export { runOnce }

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
  const env = await runnerEnv(sandbox, { workspace: ws, temp: dir, output: files.output, summary: files.summary }, {
    HOME: process.env.HOME,
    'INPUT_BUNDLE-ID': 'com.example.aurora',
    'INPUT_REPORT-PATH': files.report,
    ...extra
  })
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
