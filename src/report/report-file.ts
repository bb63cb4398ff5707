/** The JSON report: one entry per asset, plus what was resolved and counted. Written for later steps. */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ReportEntry } from '../model.js'
import type { RunResult } from '../pipeline.js'
import type { Counts } from './entries.js'
import { redact } from './redact.js'

export interface ReportFile {
  schemaVersion: 1
  app?: { id: string; bundleId?: string; name?: string }
  version?: { id: string; versionString: string; platform: string; state: string }
  mode?: string
  dryRun?: boolean
  counts: Counts
  requests?: { api: number; upload: number; uploadBytes: number; retries: number; byKind: Record<string, number> }
  error?: string
  entries: ReportEntry[]
}

export function buildReport(result: RunResult | undefined, entries: ReportEntry[], counts: Counts, error?: string): ReportFile {
  const v = result?.version
  return {
    schemaVersion: 1,
    app: result?.app,
    version: v && { id: v.id, versionString: v.versionString, platform: v.platform, state: v.state },
    mode: result?.mode,
    dryRun: result?.dryRun,
    counts,
    requests: result?.stats && {
      api: result.stats.apiRequests,
      upload: result.stats.uploadRequests,
      uploadBytes: result.stats.uploadBytes,
      retries: result.stats.retries,
      byKind: result.stats.requests
    },
    error,
    entries
  }
}

export async function writeReport(file: string, report: ReportFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, redact(JSON.stringify(report, null, 2)) + '\n')
}
