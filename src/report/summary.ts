/**
 * The job summary: per platform, surface and locale, a table of what was uploaded, kept, deleted,
 * reordered and failed (with sizes and times), thumbnails of the images App Store Connect processed,
 * then the failures with Apple's codes. A dry run renders the plan instead: what a release would
 * change. Every value written is escaped as HTML. Pure: returns text; the front end writes it.
 */
import type { Problem } from '../errors.js'
import { formatProblem } from '../errors.js'
import { PREVIEW_SPECS, SCREENSHOT_SPECS } from '../media/specs.js'
import { targetLabel, type ReportEntry, type SetPlan, type SurfaceTarget } from '../model.js'
import type { RunResult } from '../pipeline.js'
import type { Counts } from './entries.js'
import { redact } from './redact.js'

export function escapeHtml(value: unknown): string {
  return redact(String(value ?? '')).replace(/[&<>"'`|]/g, c => `&#${c.charCodeAt(0)};`)
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`
  return `${(n / 1024 ** 3).toFixed(2)} GiB`
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}

export interface SummaryInput {
  result?: RunResult
  entries: ReportEntry[]
  counts?: Counts
  error?: string
  problems?: Problem[]
  reportPath?: string
}

/** The width of thumbnails in the summary, in CSS pixels; the height follows the set type's aspect ratio. */
export const THUMBNAIL_WIDTH = 100
/** At most this many problems are listed in the summary (the JSON report and the log have them all). */
const MAX_PROBLEMS_SHOWN = 50

/** Entries gain `surface` (version, custom product page, …) as more surfaces are delivered; absent means the version. */
type Entry = ReportEntry & { surface?: string }

function surfaceOf(x: { surface?: unknown; target?: unknown }): string {
  const surface = typeof x.surface === 'string' && x.surface ? x.surface : 'version'
  // Entries carry the page / "experiment / treatment" / experience as a string, plans as a SurfaceTarget.
  const target = typeof x.target === 'string' ? x.target : targetLabel(x.target as SurfaceTarget | undefined)
  return target ? `${surface} "${target}"` : surface
}

export function renderSummary(input: SummaryInput): string {
  const { result, counts, entries } = input
  const dry = result?.dryRun === true
  const out: string[] = []
  const ok = !input.error && !(counts && counts.failed)
  if (dry) out.push(`<h2>${ok ? '📋' : '❌'} App Store media: plan (dry run, nothing was changed)</h2>`)
  else out.push(`<h2>${ok ? '✅' : '❌'} App Store media</h2>`)
  if (result?.version) {
    const app = result.app?.name ? `${result.app.name} (${result.app.id})` : result.app?.id
    out.push(
      `<p>App <b>${escapeHtml(app)}</b>, ${escapeHtml(result.version.platform)} version <b>${escapeHtml(result.version.versionString)}</b> (${escapeHtml(result.version.state)}), mode <code>${escapeHtml(result.mode)}</code></p>`
    )
  }
  if (input.error) out.push(`<p><b>The run failed:</b></p><pre>${escapeHtml(input.error)}</pre>`)
  if (input.problems?.length) out.push(problemList(input.problems))
  if (dry && result) out.push(planTotals(result.plans))
  else if (counts) out.push(totals(counts, result))
  const groups = groupEntries(entries as Entry[], result)
  for (const g of groups) out.push(dry ? planTable(g) : runTable(g))
  const failed = entries.filter(e => e.errors?.length)
  if (failed.length) {
    out.push(
      `<h3>Failures</h3><ul>${failed
        .map(e => `<li><code>${escapeHtml(e.file)}</code> (${escapeHtml(e.locale)}, ${escapeHtml(e.setType)}): ${escapeHtml(e.errors?.map(x => (x.code ? `${x.code}: ${x.description}` : x.description)).join('; '))}</li>`)
        .join('')}</ul>`
    )
  }
  if (input.reportPath) out.push(`<p>JSON report: <code>${escapeHtml(input.reportPath)}</code></p>`)
  return out.join('\n') + '\n'
}

function problemList(problems: Problem[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map(p => `<li>${escapeHtml(formatProblem(p))}</li>`)
  if (problems.length > MAX_PROBLEMS_SHOWN) shown.push(`<li>… and ${problems.length - MAX_PROBLEMS_SHOWN} more (see the log)</li>`)
  return `<ul>${shown.join('')}</ul>`
}

function totals(c: Counts, result?: RunResult): string {
  const secs = result?.finishedAt ? formatSeconds((result.finishedAt - result.startedAt) / 1000) : '–'
  const reqs = result?.stats ? `${result.stats.apiRequests} API requests, ${result.stats.uploadRequests} upload parts` : ''
  return `<p>Uploaded <b>${c.uploaded}</b> (${escapeHtml(formatBytes(c.bytes))}), kept <b>${c.skipped}</b>, deleted <b>${c.deleted}</b>, reordered <b>${c.reordered}</b> sets, failed <b>${c.failed}</b> · ${escapeHtml(secs)}${reqs ? ` · ${escapeHtml(reqs)}` : ''}</p>`
}

function planTotals(plans: SetPlan[]): string {
  const upload = plans.reduce((n, p) => n + p.upload.length, 0)
  const bytes = plans.reduce((n, p) => n + p.upload.reduce((b, l) => b + l.size, 0), 0)
  const keep = plans.reduce((n, p) => n + p.keep.length, 0)
  const del = plans.reduce((n, p) => n + p.delete.length, 0)
  const reorder = plans.filter(p => p.reorder).length
  if (!upload && !del && !reorder) return `<p>A release would change <b>nothing</b>: all ${keep} files are already on App Store Connect, in order.</p>`
  return `<p>A release would upload <b>${upload}</b> (${escapeHtml(formatBytes(bytes))}), keep <b>${keep}</b>, delete <b>${del}</b> and reorder <b>${reorder}</b> sets.</p>`
}

interface SetRow {
  setType: string
  kind: string
  uploaded: number
  kept: number
  deleted: number
  failed: number
  bytes: number
  seconds: number
  reordered: boolean
  entries: Entry[]
}

interface Group {
  platform: string
  surface: string
  locale: string
  sets: SetRow[]
}

function groupEntries(entries: Entry[], result?: RunResult): Group[] {
  const groups = new Map<string, Group>()
  const rowFor = (x: { platform: string; locale: string; setType: string; kind: string; surface?: unknown }): SetRow => {
    const surface = surfaceOf(x)
    const gk = `${x.platform}\u0000${surface}\u0000${x.locale}`
    let g = groups.get(gk)
    if (!g) groups.set(gk, (g = { platform: x.platform, surface, locale: x.locale, sets: [] }))
    let row = g.sets.find(r => r.setType === x.setType && r.kind === x.kind)
    if (!row) g.sets.push((row = { setType: x.setType, kind: x.kind, uploaded: 0, kept: 0, deleted: 0, failed: 0, bytes: 0, seconds: 0, reordered: false, entries: [] }))
    return row
  }
  for (const e of entries) {
    const row = rowFor(e)
    row.entries.push(e)
    if (e.action === 'keep') row.kept++
    else if (e.action === 'delete') row.deleted += e.state === 'DELETED' || e.state === 'PLANNED' ? 1 : 0
    else if (e.errors?.length) row.failed++
    else if (e.action === 'upload' || e.action === 'replace') {
      if (e.state !== 'NOT_STARTED') {
        row.uploaded++
        row.bytes += e.bytes
      }
    }
    row.seconds = Math.max(row.seconds, e.seconds ?? 0)
  }
  const plans = result?.dryRun ? result.plans : (result?.runs ?? []).filter(r => r.reordered).map(r => r.plan)
  for (const p of plans) {
    if (!p.reorder && result?.dryRun) continue
    // A set whose only change is its order has no entries beyond "keep"; it still gets a row.
    const row = rowFor(p as SetPlan & { surface?: unknown })
    row.reordered = true
  }
  return [...groups.values()].sort((a, b) => a.platform.localeCompare(b.platform) || surfaceRank(a.surface) - surfaceRank(b.surface) || a.surface.localeCompare(b.surface) || a.locale.localeCompare(b.locale))
}

function surfaceRank(s: string): number {
  return s === 'version' ? 0 : 1
}

function setName(r: SetRow): string {
  return escapeHtml(r.kind === 'screenshot' ? r.setType : `${r.setType} (${r.kind})`)
}

function heading(g: Group): string {
  return `<h3>${escapeHtml(g.platform)} · ${escapeHtml(g.surface)}${g.locale ? ` · ${escapeHtml(g.locale)}` : ''}</h3>`
}

function runTable(g: Group): string {
  const head = '<tr><th>Set</th><th>Uploaded</th><th>Kept</th><th>Deleted</th><th>Reordered</th><th>Failed</th><th>Size</th><th>Time</th><th>On the store</th></tr>'
  const body = g.sets
    .map(
      r =>
        `<tr><td>${setName(r)}</td><td>${r.uploaded}</td><td>${r.kept}</td><td>${r.deleted}</td><td>${r.reordered ? 'yes' : 'no'}</td><td>${r.failed}</td><td>${escapeHtml(formatBytes(r.bytes))}</td><td>${escapeHtml(formatSeconds(r.seconds))}</td><td>${thumbnails(r)}</td></tr>`
    )
    .join('')
  return `${heading(g)}\n<table>${head}${body}</table>\n${fileDetails(g)}`
}

function planTable(g: Group): string {
  const head = '<tr><th>Set</th><th>Upload</th><th>Keep</th><th>Delete</th><th>Reorder</th><th>Upload size</th></tr>'
  const body = g.sets
    .map(r => `<tr><td>${setName(r)}</td><td>${r.uploaded}</td><td>${r.kept}</td><td>${r.deleted}</td><td>${r.reordered ? 'yes' : 'no'}</td><td>${escapeHtml(formatBytes(r.bytes))}</td></tr>`)
    .join('')
  return `${heading(g)}\n<table>${head}${body}</table>\n${fileDetails(g)}`
}

const ACTION_WORDS: Record<string, string> = { upload: 'upload', replace: 'replace', keep: 'keep', delete: 'delete', none: '–' }

function fileDetails(g: Group): string {
  const rows = g.sets.flatMap(r =>
    r.entries.map(
      e =>
        `<tr><td>${setName(r)}</td><td><code>${escapeHtml(e.file ?? '')}</code></td><td>${escapeHtml(ACTION_WORDS[e.action] ?? e.action)}</td><td>${escapeHtml(e.state)}</td><td>${escapeHtml(formatBytes(e.bytes))}</td></tr>`
    )
  )
  if (!rows.length) return ''
  return `<details><summary>${rows.length} files</summary>\n<table><tr><th>Set</th><th>File</th><th>Action</th><th>State</th><th>Size</th></tr>${rows.join('')}</table>\n</details>`
}

function thumbnails(r: SetRow): string {
  const imgs = r.entries
    .filter(e => e.action !== 'delete' && e.templateUrl)
    .map(e => {
      const src = thumbnailUrl(e.templateUrl as string, r.kind, r.setType)
      return src ? `<img src="${escapeHtml(src)}" width="${THUMBNAIL_WIDTH}" alt="${escapeHtml(e.file ?? '')}">` : ''
    })
    .filter(Boolean)
  return imgs.join(' ')
}

/** The pixel size a set type's images have, portrait first, to keep the thumbnail's aspect ratio. */
function aspectOf(kind: string, setType: string): readonly [number, number] {
  const spec = kind === 'preview' ? PREVIEW_SPECS[setType] : SCREENSHOT_SPECS[setType]
  return spec?.sizes[0] ?? [1, 2]
}

/**
 * Apple's processed image as a small thumbnail: `imageAsset.templateUrl` with {w}, {h} and {f}
 * filled in. Only https URLs are used (the sandbox's are https too); anything else gives undefined.
 */
export function thumbnailUrl(templateUrl: string, kind: string, setType: string, width = THUMBNAIL_WIDTH): string | undefined {
  let url: URL
  try {
    url = new URL(templateUrl.replace(/[{}]/g, c => (c === '{' ? '%7B' : '%7D')))
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:') return undefined
  const [w, h] = aspectOf(kind, setType)
  const height = Math.round((width * h) / w)
  return templateUrl.replace(/\{w\}/g, String(width)).replace(/\{h\}/g, String(height)).replace(/\{f\}/g, 'png')
}
