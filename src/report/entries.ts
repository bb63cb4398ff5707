/** Turns plans and set runs into report entries (one per asset) and the counts the outputs carry. */
import type { SetRun } from '../deliver/execute.js'
import { targetLabel, type ReportEntry, type SetPlan } from '../model.js'
import type { RunResult } from '../pipeline.js'

export interface Counts {
  uploaded: number
  skipped: number
  deleted: number
  failed: number
  reordered: number
  bytes: number
}

function base(p: SetPlan): Pick<ReportEntry, 'kind' | 'surface' | 'target' | 'platform' | 'locale' | 'setType'> {
  const target = targetLabel(p.target)
  return { kind: p.kind, surface: p.surface ?? 'version', ...(target ? { target } : {}), platform: p.platform, locale: p.locale, setType: p.setType }
}

/** Entries of a plan that was not executed (dry run, or a run that stopped before uploading). */
export function plannedEntries(p: SetPlan): ReportEntry[] {
  return [
    ...p.keep.map(k => {
      const kept: ReportEntry = { ...base(p), file: k.local.displayPath, assetId: k.remote.id, action: 'keep', state: k.remote.state, checksum: k.local.md5 ?? null, bytes: k.local.size }
      // The summary shows what is on the store, kept files included.
      if (k.remote.templateUrl) kept.templateUrl = k.remote.templateUrl
      return kept
    }),
    ...p.upload.map(l => ({ ...base(p), file: l.displayPath, assetId: null, action: 'upload' as const, state: 'PLANNED' as const, checksum: l.md5 ?? null, bytes: l.size })),
    ...p.delete.map(d => ({ ...base(p), file: d.remote.fileName, assetId: d.remote.id, action: 'delete' as const, state: 'PLANNED' as const, checksum: d.remote.checksum, bytes: d.remote.fileSize }))
  ]
}

export function runEntries(run: SetRun): ReportEntry[] {
  const p = run.plan
  const kept = p.keep.map(k => {
    const now = run.states.get(k.remote.id) ?? k.remote
    return { ...base(p), file: k.local.displayPath, assetId: k.remote.id, action: 'keep' as const, state: now.state, checksum: now.checksum ?? k.local.md5 ?? null, bytes: k.local.size, templateUrl: now.templateUrl }
  })
  const replaced = p.delete.filter(d => d.reason === 'replaced')
  const folded = new Set<string>()
  const uploaded = p.upload.map(l => {
    const asset = run.uploaded.get(l)
    const old = replaced.find(d => d.remote.fileName === l.fileName && !folded.has(d.remote.id))
    const failure = run.failures.get(l)
    const state = asset ? (run.states.get(asset.id) ?? asset).state : failure ? 'FAILED' : 'NOT_STARTED'
    const entry: ReportEntry = { ...base(p), file: l.displayPath, assetId: asset?.id ?? null, action: old ? 'replace' : 'upload', state, checksum: l.md5 ?? null, bytes: l.size, seconds: run.seconds }
    if (old) {
      folded.add(old.remote.id)
      entry.replacedAssetId = old.remote.id
    }
    if (failure) entry.errors = [{ code: 'DELIVERY_FAILED', description: failure }]
    const processed = asset && run.states.get(asset.id)
    if (processed?.templateUrl) entry.templateUrl = processed.templateUrl
    return entry
  })
  const deleted = p.delete.filter(d => !folded.has(d.remote.id)).map(d => ({
    ...base(p),
    file: d.remote.fileName,
    assetId: d.remote.id,
    action: 'delete' as const,
    state: run.deleted.has(d.remote.id) ? ('DELETED' as const) : d.remote.state,
    checksum: d.remote.checksum,
    bytes: d.remote.fileSize
  }))
  return [...kept, ...uploaded, ...deleted]
}

export function allEntries(result: RunResult): ReportEntry[] {
  const ran = new Set(result.runs.map(r => r.plan))
  return [
    ...result.runs.flatMap(runEntries),
    ...result.plans.filter(p => !ran.has(p)).flatMap(p => (result.dryRun ? plannedEntries(p) : plannedEntries(p).filter(e => e.action === 'keep'))),
    ...(result.library ?? []).flatMap(r => r.entries)
  ]
}

export function countEntries(entries: ReportEntry[], runs: SetRun[]): Counts {
  const c: Counts = { uploaded: 0, skipped: 0, deleted: 0, failed: 0, reordered: runs.filter(r => r.reordered).length, bytes: 0 }
  for (const e of entries) {
    if (e.action === 'keep') c.skipped++
    else if (e.action === 'delete' && e.state === 'DELETED') c.deleted++
    else if ((e.action === 'upload' || e.action === 'replace') && e.errors?.length) c.failed++
    else if ((e.action === 'upload' || e.action === 'replace') && e.state !== 'PLANNED' && e.state !== 'NOT_STARTED') {
      c.uploaded++
      c.bytes += e.bytes
    }
  }
  return c
}
