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
  /** Every platform's version the run updated (entries name their platform). */
  versions?: Record<string, { id: string; versionString: string; state: string }>
  mode?: string
  dryRun?: boolean
  counts: Counts
  requests?: { api: number; upload: number; uploadBytes: number; retries: number; byKind: Record<string, number> }
  error?: string
  /** Totals per platform, surface (with its page / experiment / experience) and locale, in that order. */
  groups?: ReportGroup[]
  entries: ReportEntry[]
}

export interface ReportGroup {
  platform: string
  surface: string
  target?: string
  /** '' for kinds without a locale (review attachments, routing coverage, advanced App Clip images). */
  locale: string
  uploaded: number
  kept: number
  deleted: number
  failed: number
}

const SURFACE_ORDER = ['version', 'custom-product-page', 'experiment', 'app-clip', 'review', 'routing']

/** Entries folded into groups by platform, surface and locale. */
export function groupReport(entries: ReportEntry[]): ReportGroup[] {
  const groups = new Map<string, ReportGroup>()
  for (const e of entries) {
    const surface = e.surface ?? 'version'
    const key = JSON.stringify([e.platform, surface, e.target ?? '', e.locale])
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { platform: e.platform, surface, ...(e.target ? { target: e.target } : {}), locale: e.locale, uploaded: 0, kept: 0, deleted: 0, failed: 0 }))
    if (e.action === 'keep') g.kept++
    else if (e.action === 'delete') g.deleted += e.state === 'DELETED' ? 1 : 0
    else if (e.errors?.length) g.failed++
    else if ((e.action === 'upload' || e.action === 'replace') && e.state !== 'PLANNED' && e.state !== 'NOT_STARTED') g.uploaded++
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.platform.localeCompare(b.platform) ||
      SURFACE_ORDER.indexOf(a.surface) - SURFACE_ORDER.indexOf(b.surface) ||
      (a.target ?? '').localeCompare(b.target ?? '') ||
      a.locale.localeCompare(b.locale)
  )
}

export function buildReport(result: RunResult | undefined, entries: ReportEntry[], counts: Counts, error?: string): ReportFile {
  const v = result?.version
  return {
    schemaVersion: 1,
    app: result?.app,
    version: v && { id: v.id, versionString: v.versionString, platform: v.platform, state: v.state },
    versions: result?.versions && Object.fromEntries(Object.entries(result.versions).map(([p, x]) => [p, { id: x.id, versionString: x.versionString, state: x.state }])),
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
    groups: groupReport(entries),
    entries
  }
}

export async function writeReport(file: string, report: ReportFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, redact(JSON.stringify(report, null, 2)) + '\n')
}
