/**
 * The engine both front ends run: validate local input → resolve app and version → read remote
 * state and plan → upload → verify. Everything it learns goes into `result` as it goes, so a run
 * that fails half-way still has a summary to show.
 */
import type { Dispatcher } from 'undici'
import { AscClient } from './asc/client.js'
import { Http, type HttpStats } from './asc/http.js'
import { RateLimiter } from './asc/rate-limiter.js'
import { TokenProvider } from './asc/token.js'
import { uploadPhase, verifyPhase, type ProgressEvent, type SetRun } from './deliver/execute.js'
import { createLimit } from './deliver/limit.js'
import { ValidationError, type Problem } from './errors.js'
import { expandMapping, loadMapping } from './mapping/index.js'
import type { ExpandedSet } from './mapping/types.js'
import { checkPreview, checkScreenshot, describeFile, toDisplayPath } from './media/index.js'
import type { DesiredSet, Mode, RemoteSet, SetPlan } from './model.js'
import { planSet } from './plan/plan.js'
import { checkLocales, checkLocalLimits, checkPlannedLimits } from './plan/preflight.js'
import type { Logger } from './report/logger.js'
import type { Settings } from './settings/settings.js'
import { resolveApp, resolveVersion, type ResolvedApp, type ResolvedVersion } from './surfaces/app-version.js'
import { readLocalizationSets } from './surfaces/sets.js'

export interface PipelineDeps {
  log: Logger
  dispatcher?: Dispatcher
  onProgress?: (event: ProgressEvent) => void
  pollInitialDelayMs?: number
  now?: () => number
}

export interface RunResult {
  mode: Mode
  dryRun: boolean
  app?: ResolvedApp
  version?: ResolvedVersion
  plans: SetPlan[]
  runs: SetRun[]
  warnings: Problem[]
  stats?: HttpStats
  startedAt: number
  finishedAt?: number
}

export function newResult(settings: Pick<Settings, 'mode' | 'dryRun'>): RunResult {
  return { mode: settings.mode, dryRun: settings.dryRun, plans: [], runs: [], warnings: [], startedAt: Date.now() }
}

export async function deliverMedia(settings: Settings, deps: PipelineDeps, result: RunResult = newResult(settings)): Promise<RunResult> {
  const { log } = deps
  const desired = await log.group('Resolve: mapping and local files', () => readDesired(settings, log, result))
  const http = new Http({
    dispatcher: deps.dispatcher,
    concurrency: settings.concurrency,
    limiter: new RateLimiter({ now: deps.now }),
    onRetry: r => log.debug(`retry ${r.attempt} of ${r.label} in ${r.delayMs} ms (${r.reason})`)
  })
  const client = new AscClient({ baseUrl: settings.apiBaseUrl, http, tokens: new TokenProvider(settings.apiKey, deps.now) })
  try {
    await log.group('Resolve: app and version', async () => {
      result.app = await resolveApp(client, settings.appId, settings.bundleId)
      result.version = await resolveVersion(client, result.app, settings.platform, settings.version)
      log.info(`App ${result.app.name ?? ''} (${result.app.id}), ${settings.platform} version ${result.version.versionString} (${result.version.state}), ${result.version.localizations.size} localizations`)
    })
    await log.group('Plan', () => plan(client, settings, desired, result, log))
    if (settings.dryRun) return result
    const options = { client, log, concurrency: settings.concurrency, waitForProcessing: settings.waitForProcessing, processingTimeoutMs: settings.processingTimeoutMs, pollInitialDelayMs: deps.pollInitialDelayMs, now: deps.now, onProgress: deps.onProgress }
    const active = result.plans.filter(p => p.upload.length || p.delete.length || p.reorder)
    result.runs = await log.group('Upload', () => uploadPhase(active, options))
    await log.group('Verify', () => verifyPhase(result.runs, options))
    return result
  } finally {
    result.stats = http.stats
    result.finishedAt = Date.now()
    await http.close()
  }
}

/** Mapping → expanded sets → checked and described files. Local only: no request is made before this passes. */
async function readDesired(settings: Settings, log: Logger, result: RunResult): Promise<DesiredSet[]> {
  const mapping = await loadMapping(settings.mappingPath, { workspace: settings.workspace })
  const expanded = await expandMapping(mapping, { workspace: settings.workspace, locales: settings.locales, onEmptyGlob: settings.onEmptyGlob })
  result.warnings.push(...expanded.warnings)
  for (const w of expanded.warnings) log.warning(w.message, { file: w.file, startLine: w.line, startColumn: w.column })
  const wrongPlatform = expanded.sets.filter(s => s.platform !== settings.platform)
  if (wrongPlatform.length) {
    log.info(`Skipping ${wrongPlatform.length} set(s) for other platforms than ${settings.platform}.`)
  }
  const sets = expanded.sets.filter(s => s.platform === settings.platform)
  const problems = [...expanded.problems, ...(await checkFiles(sets, settings))]
  const desired = problems.length ? [] : await describeSets(sets, settings)
  problems.push(...checkLocalLimits(desired))
  if (problems.length) throw new ValidationError(problems)
  const files = desired.reduce((n, s) => n + s.files.length, 0)
  log.info(`${files} files in ${desired.length} sets across ${new Set(desired.map(s => s.locale)).size} locales passed the local checks.`)
  return desired
}

async function checkFiles(sets: ExpandedSet[], settings: Settings): Promise<Problem[]> {
  const limit = createLimit(Math.max(2, settings.concurrency))
  const check = (s: ExpandedSet, file: string) => {
    const shown = toDisplayPath(file, settings.workspace)
    return s.kind === 'preview' ? checkPreview(file, shown, s.setType) : checkScreenshot(file, shown, s.setType)
  }
  return (await Promise.all(sets.flatMap(s => s.files.map(file => limit(() => check(s, file)))))).flat()
}

async function describeSets(sets: ExpandedSet[], settings: Settings): Promise<DesiredSet[]> {
  const limit = createLimit(4)
  return Promise.all(
    sets.map(async s => ({
      kind: s.kind,
      platform: s.platform,
      locale: s.locale,
      setType: s.setType,
      frameTimeCode: s.frameTimeCode,
      source: s.source,
      files: await Promise.all(s.files.map(f => limit(() => describeFile(f, settings.workspace))))
    }))
  )
}

async function plan(client: AscClient, settings: Settings, desired: DesiredSet[], result: RunResult, log: Logger): Promise<void> {
  const version = result.version as ResolvedVersion
  const problems = checkLocales(desired, version.localizations, version.versionString)
  if (problems.length) throw new ValidationError(problems, 'The mapping names locales the version lacks')
  const remote = await readRemote(client, desired, version)
  result.plans = desired.map(d => {
    const set = remote.find(r => r.locale === d.locale && r.kind === d.kind && r.setType === d.setType)
    return planSet(d, set, settings.mode, version.localizations.get(d.locale) as string)
  })
  const limits = checkPlannedLimits(result.plans)
  if (limits.length) throw new ValidationError(limits, 'The plan would exceed Apple\'s limits per set')
  for (const p of result.plans) log.info(describePlan(p))
}

/** One request per (localization, kind) that the mapping uses: each returns every set with its items. */
async function readRemote(client: AscClient, desired: DesiredSet[], version: ResolvedVersion): Promise<RemoteSet[]> {
  const wanted = [...new Set(desired.map(d => `${d.locale}\u0000${d.kind}`))].map(k => k.split('\u0000') as [string, DesiredSet['kind']])
  const read = await Promise.all(wanted.map(([locale, kind]) => readLocalizationSets(client, version.localizations.get(locale) as string, locale, kind)))
  return read.flat()
}

export function describePlan(p: SetPlan): string {
  const parts = [
    p.upload.length && `upload ${p.upload.length}`,
    p.keep.length && `keep ${p.keep.length}`,
    p.delete.length && `delete ${p.delete.length}`,
    p.reorder && 'reorder'
  ].filter(Boolean)
  return `${p.locale} ${p.setType}: ${parts.length ? parts.join(', ') : 'nothing to do'}`
}
