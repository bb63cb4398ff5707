/**
 * The job summary: what changed, per locale and set, as HTML tables (every value escaped), followed
 * by failures with Apple's codes. Pure: returns text; the front end writes it.
 */
import type { Problem } from '../errors.js'
import { formatProblem } from '../errors.js'
import type { ReportEntry } from '../model.js'
import type { RunResult } from '../pipeline.js'
import { describePlan } from '../pipeline.js'
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

export interface SummaryInput {
  result?: RunResult
  entries: ReportEntry[]
  counts?: Counts
  error?: string
  problems?: Problem[]
  reportPath?: string
}

export function renderSummary(input: SummaryInput): string {
  const { result, counts, entries } = input
  const out: string[] = []
  const dry = result?.dryRun ? ' (dry run: nothing was changed)' : ''
  const ok = !input.error && !(counts && counts.failed)
  out.push(`<h2>${ok ? '✅' : '❌'} App Store media${escapeHtml(dry)}</h2>`)
  if (result?.version) {
    const app = result.app?.name ? `${result.app.name} (${result.app.id})` : result.app?.id
    out.push(`<p>App <b>${escapeHtml(app)}</b>, ${escapeHtml(result.version.platform)} version <b>${escapeHtml(result.version.versionString)}</b> (${escapeHtml(result.version.state)}), mode <code>${escapeHtml(result.mode)}</code></p>`)
  }
  if (input.error) out.push(`<p><b>The run failed:</b></p><pre>${escapeHtml(input.error)}</pre>`)
  if (input.problems?.length) out.push(`<ul>${input.problems.map(p => `<li>${escapeHtml(formatProblem(p))}</li>`).join('')}</ul>`)
  if (counts) out.push(totals(counts, result))
  if (result?.dryRun && result.plans.length) out.push(`<h3>Plan</h3><ul>${result.plans.map(p => `<li>${escapeHtml(describePlan(p))}</li>`).join('')}</ul>`)
  if (entries.length) out.push(setTables(entries, result))
  const failed = entries.filter(e => e.errors?.length)
  if (failed.length) out.push(`<h3>Failures</h3><ul>${failed.map(e => `<li><code>${escapeHtml(e.file)}</code>: ${escapeHtml(e.errors?.map(x => x.description).join('; '))}</li>`).join('')}</ul>`)
  if (input.reportPath) out.push(`<p>JSON report: <code>${escapeHtml(input.reportPath)}</code></p>`)
  return out.join('\n') + '\n'
}

function totals(c: Counts, result?: RunResult): string {
  const secs = result?.finishedAt ? ((result.finishedAt - result.startedAt) / 1000).toFixed(1) : '–'
  const reqs = result?.stats ? `${result.stats.apiRequests} API requests, ${result.stats.uploadRequests} upload parts` : ''
  return `<p>Uploaded <b>${c.uploaded}</b> (${escapeHtml(formatBytes(c.bytes))}), kept <b>${c.skipped}</b>, deleted <b>${c.deleted}</b>, reordered <b>${c.reordered}</b> sets, failed <b>${c.failed}</b> · ${secs} s${reqs ? ` · ${escapeHtml(reqs)}` : ''}</p>`
}

interface Row {
  locale: string
  setType: string
  uploaded: number
  kept: number
  deleted: number
  failed: number
  bytes: number
  seconds: number
  reordered: boolean
}

function setTables(entries: ReportEntry[], result?: RunResult): string {
  const rows = new Map<string, Row>()
  for (const e of entries) {
    const key = `${e.locale}\u0000${e.setType}`
    const row = rows.get(key) ?? { locale: e.locale, setType: e.setType, uploaded: 0, kept: 0, deleted: 0, failed: 0, bytes: 0, seconds: 0, reordered: false }
    if (e.action === 'keep') row.kept++
    else if (e.action === 'delete') row.deleted += e.state === 'DELETED' || e.state === 'PLANNED' ? 1 : 0
    else if (e.errors?.length) row.failed++
    else {
      row.uploaded++
      row.bytes += e.bytes
    }
    row.seconds = Math.max(row.seconds, e.seconds ?? 0)
    rows.set(key, row)
  }
  for (const run of result?.runs ?? []) {
    const row = rows.get(`${run.plan.locale}\u0000${run.plan.setType}`)
    if (row && run.reordered) row.reordered = true
  }
  for (const p of result?.dryRun ? result.plans : []) {
    const row = rows.get(`${p.locale}\u0000${p.setType}`)
    if (row && p.reorder) row.reordered = true
  }
  const byLocale = new Map<string, Row[]>()
  for (const r of rows.values()) byLocale.set(r.locale, [...(byLocale.get(r.locale) ?? []), r])
  const head = '<tr><th>Set</th><th>Uploaded</th><th>Kept</th><th>Deleted</th><th>Reordered</th><th>Failed</th><th>Bytes</th><th>Seconds</th></tr>'
  return [...byLocale.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([locale, list]) => {
      const body = list
        .map(r => `<tr><td>${escapeHtml(r.setType)}</td><td>${r.uploaded}</td><td>${r.kept}</td><td>${r.deleted}</td><td>${r.reordered ? 'yes' : 'no'}</td><td>${r.failed}</td><td>${escapeHtml(formatBytes(r.bytes))}</td><td>${r.seconds.toFixed(1)}</td></tr>`)
        .join('')
      return `<h3>${escapeHtml(locale)}</h3>\n<table>${head}${body}</table>`
    })
    .join('\n')
}
