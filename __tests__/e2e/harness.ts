/**
 * End-to-end harness: a temporary workspace with real PNG and MP4 files and a mapping file, the
 * sandbox, and the pipeline run as the action runs it (same settings parser, same engine).
 */
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodePng } from '../../src/media/png-writer.js'
import { makePaddedMp4 } from '../../src/media/padded-mp4.js'
import { openConnection } from '../../src/connection.js'
import type { ProgressEvent } from '../../src/deliver/execute.js'
import { deliverMedia, newResult, type RunResult } from '../../src/pipeline.js'
import { allEntries, countEntries, type Counts } from '../../src/report/entries.js'
import { memoryLogger } from '../../src/report/logger.js'
import type { ReportEntry } from '../../src/model.js'
import { parseSettings } from '../../src/settings/settings.js'
import type { Sandbox } from '../../src/sandbox/index.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SAMPLE_PREVIEW = path.join(ROOT, 'samples/previews/en-US/iphone-6.9/1.mp4')

export async function tempWorkspace(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'asc-e2e-'))
}

/** Writes an opaque PNG whose content depends on `seed`, so different seeds give different checksums. */
export async function writePng(ws: string, rel: string, width: number, height: number, seed: number, alpha = false): Promise<string> {
  const file = path.join(ws, rel)
  await mkdir(path.dirname(file), { recursive: true })
  // A flat fill per seed keeps encoding fast (a per-pixel callback costs about a second per file).
  const png = encodePng({ width, height, alpha, level: 1, fill: [(seed * 53) % 256, (seed * 17 + 40) % 256, (seed * 97) % 256] })
  await writeFile(file, png)
  return file
}

export async function writePreview(ws: string, rel: string, bytes?: number): Promise<string> {
  const file = path.join(ws, rel)
  await mkdir(path.dirname(file), { recursive: true })
  if (bytes) await makePaddedMp4(SAMPLE_PREVIEW, file, bytes)
  else await copyFile(SAMPLE_PREVIEW, file)
  return file
}

export async function writeMapping(ws: string, yaml: string, name = 'app-store-assets.yml'): Promise<void> {
  await writeFile(path.join(ws, name), yaml)
}

export const IPHONE = [1320, 2868] as const
export const IPAD = [2064, 2752] as const

export interface RunOutcome {
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
  /** Open the connection first, as the action does, and let the app lookup be answered before the mapping is read. */
  lookupFirst?: boolean
  /** Told as files are uploaded, deleted and processed (the CLI's progress lines). */
  onProgress?: (event: ProgressEvent) => void
}

/** Runs the pipeline against the sandbox with action-style raw inputs, the sandbox's key unless `key` is given. */
export async function runOnce(sandbox: Sandbox, ws: string, options: RunOptions = {}): Promise<RunOutcome> {
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
    const connection = options.lookupFirst ? openConnection(settings, { now: options.now }) : undefined
    await connection?.app.catch(() => undefined)
    await deliverMedia(settings, { log, pollInitialDelayMs: 60, now: options.now, connection, onProgress: options.onProgress }, result)
    const entries = allEntries(result)
    return { result, entries, counts: countEntries(entries, result.runs), logs: log.lines }
  } catch (error) {
    const entries = result ? allEntries(result) : []
    return { result, error: error as Error, entries, counts: countEntries(entries, result?.runs ?? []), logs: log.lines }
  }
}

/** Runs the pipeline against the sandbox with action-style raw inputs. */
export function runDelivery(sandbox: Sandbox, ws: string, inputs: Record<string, string> = {}): Promise<RunOutcome> {
  return runOnce(sandbox, ws, { inputs })
}

export function writes(sandbox: Sandbox): number {
  return sandbox.requests.filter(r => r.host === 'upload' || r.method !== 'GET').length
}

export function localizationId(sandbox: Sandbox, locale: string, version = '1.2.0'): string {
  const v = sandbox.store.findVersion('1234567890', 'IOS', version)
  const l = v && sandbox.store.findLocalization(v.id, locale)
  if (!l) throw new Error(`no localization ${locale}`)
  return l.id
}

/** The file names of a set in display order, with their states: "1.png:COMPLETE". */
export function setContents(sandbox: Sandbox, locale: string, setType: string): string[] {
  const set = sandbox.store.findSet(localizationId(sandbox, locale), setType)
  return set ? set.items.map(i => `${i.fileName}:${i.state}`) : []
}

/** @actions/glob logs ::debug:: lines to stdout; keep test output readable. */
export function quietGlobDebug(): void {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
    typeof chunk === 'string' && chunk.startsWith('::debug::') ? true : write(chunk, ...(rest as []))) as typeof process.stdout.write
}
quietGlobDebug()
