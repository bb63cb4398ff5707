/**
 * The engine both front ends run: validate local input → resolve app and version → read remote
 * state and plan → upload → verify. Everything it learns goes into `result` as it goes, so a run
 * that fails half-way still has a summary to show.
 */
import type { Dispatcher } from 'undici'
import type { AscClient } from './asc/client.js'
import type { HttpStats } from './asc/http.js'
import { closeConnection, openConnection, type Connection } from './connection.js'
import { planLabel, uploadPhase, verifyPhase, type ProgressEvent, type SetRun } from './deliver/execute.js'
import { deliverLibraryMode, type LibraryRun } from './deliver/library.js'
import { createLimit } from './deliver/limit.js'
import { ActionError, ValidationError, type Problem } from './errors.js'
import { expandMapping, loadMapping, mediaApiProblems } from './mapping/index.js'
import type { ExpandedSet } from './mapping/types.js'
import { checkPreview, checkScreenshot, describeFile, ensureHashed, toDisplayPath } from './media/index.js'
import { checkOtherKind } from './media/kind-checks.js'
import type { ContainerOwner, DesiredSet, Mode, Platform, RemoteSet, SetPlan } from './model.js'
import { filesNeedingChecksum, planSet } from './plan/plan.js'
import { budgetProblem, estimateRequests } from './plan/request-budget.js'
import { checkLocalLimits, checkPlannedLimits } from './plan/preflight.js'
import type { Logger } from './report/logger.js'
import type { Settings } from './settings/settings.js'
import { resolveVersion, type ResolvedApp, type ResolvedVersion } from './surfaces/app-version.js'
import { isSetKind } from './surfaces/asset-types.js'
import { readContainers } from './surfaces/containers.js'
import { VERSION_LOCALIZATIONS } from './surfaces/sets.js'
import { resolveOwners, type Owned } from './surfaces/owners.js'

export interface PipelineDeps {
  log: Logger
  /** Opened early by the action (its first request leaves before the pipeline loads); opened here otherwise. Closed by the pipeline. */
  connection?: Connection
  dispatcher?: Dispatcher
  onProgress?: (event: ProgressEvent) => void
  pollInitialDelayMs?: number
  now?: () => number
}

export interface RunResult {
  mode: Mode
  dryRun: boolean
  app?: ResolvedApp
  /** The version of the `platform` input (the `version-id` output). */
  version?: ResolvedVersion
  /** Every platform's version the run resolved (the `version-ids` output). */
  versions?: Partial<Record<Platform, ResolvedVersion>>
  plans: SetPlan[]
  runs: SetRun[]
  /** media-api library: what each platform's asset-library delivery did. */
  library?: LibraryRun[]
  warnings: Problem[]
  stats?: HttpStats
  startedAt: number
  finishedAt?: number
}

export function newResult(settings: Pick<Settings, 'mode' | 'dryRun'>): RunResult {
  return { mode: settings.mode, dryRun: settings.dryRun, versions: {}, plans: [], runs: [], warnings: [], startedAt: Date.now() }
}

export async function deliverMedia(settings: Settings, deps: PipelineDeps, result: RunResult = newResult(settings)): Promise<RunResult> {
  const { log } = deps
  // The app and version lookups (reads) run while the mapping and files are checked; a local problem still wins over a remote error.
  const conn = deps.connection ?? openConnection(settings, deps)
  conn.debug = m => log.debug(m)
  let resolving: Promise<Resolved> | undefined
  let listing: Promise<Listings> | undefined
  try {
    let desired = await log.group('Resolve: mapping and local files', async () => {
      const sets = await readSets(settings, log, result)
      resolving = resolveTargets(conn, settings, platformsOf(sets))
      resolving.catch(() => undefined)
      // The version localizations' sets are read while the files are checked, so planning waits for no round trip.
      if (settings.mediaApi === 'sets') listing = listVersionSets(conn.client, resolving, sets)
      listing?.catch(() => undefined)
      return checkSets(sets, settings, log)
    })
    const client = conn.client
    await log.group('Resolve: app and version', async () => {
      const { app, versions } = await (resolving as Promise<Resolved>)
      result.app = app
      result.version = versions[settings.platform]
      result.versions = versions
      log.info(`App ${app.name ?? ''} (${app.id})`)
      for (const v of Object.values(versions)) log.info(`${v.platform} version ${v.versionString} (${v.state}), ${v.localizations.size} localizations`)
    })
    if (settings.mediaApi === 'library') {
      // The asset library replaces the set-based plan and execute for the screenshots and previews of versions, custom product pages and experiment treatments; the rest stays set-based.
      const lib = await log.group('Asset library', () =>
        deliverLibraryMode(desired, (result.app as ResolvedApp).id, result.versions ?? { [settings.platform]: result.version }, { client, log, mode: settings.mode, dryRun: settings.dryRun, concurrency: settings.concurrency, waitForProcessing: settings.waitForProcessing, processingTimeoutMs: settings.processingTimeoutMs, pollInitialDelayMs: deps.pollInitialDelayMs, now: deps.now })
      )
      result.library = lib.runs
      desired = lib.remaining
    }
    await log.group('Plan', async () => plan(client, settings, desired, result, log, await listing))
    if (settings.dryRun) return result
    // Fail before the first write when the hourly budget (last X-Rate-Limit header) cannot cover the plan.
    const shortfall = budgetProblem(estimateRequests(result.plans, settings), client.http.limiter.budget)
    if (shortfall) throw new ActionError(shortfall)
    const options = { client, log, concurrency: settings.concurrency, waitForProcessing: settings.waitForProcessing, processingTimeoutMs: settings.processingTimeoutMs, pollInitialDelayMs: deps.pollInitialDelayMs, now: deps.now, onProgress: deps.onProgress }
    const active = result.plans.filter(p => p.upload.length || p.delete.length || p.reorder)
    result.runs = await log.group('Upload', () => uploadPhase(active, options))
    await log.group('Verify', () => verifyPhase(result.runs, options))
    return result
  } catch (error) {
    // Uploads settle before their phase throws; what may still be in flight is a lookup nobody will read
    // or a clean-up the next run repeats: stop retrying it rather than hold the failed run open.
    conn.http.abort()
    throw error
  } finally {
    // Reads still in flight (a run stopped by a file problem) end before the connection closes.
    await resolving?.catch(() => undefined)
    await listing?.then(reads => Promise.allSettled(reads.values()), () => undefined)
    result.stats = conn.http.stats
    result.finishedAt = Date.now()
    await closeConnection(conn)
  }
}

interface Resolved {
  app: ResolvedApp
  versions: Partial<Record<Platform, ResolvedVersion>>
}

/** The app, the `platform` input's version (its errors read as before), then every other platform's the mapping uses. Reads only. */
async function resolveTargets(conn: Connection, settings: Settings, platforms: Platform[]): Promise<Resolved> {
  const app = await conn.app
  const versions: Partial<Record<Platform, ResolvedVersion>> = { [settings.platform]: await conn.version }
  const others = platforms.filter(p => p !== settings.platform)
  for (const [i, v] of (await Promise.all(others.map(p => resolveVersion(conn.client, app, p, settings.version)))).entries()) versions[others[i]!] = v
  return { app, versions }
}

/** Mapping → expanded sets → checked and described files. Local only (the CLI's validate): no request at all. */
export async function readDesired(settings: Settings, log: Logger, result: RunResult): Promise<DesiredSet[]> {
  return checkSets(await readSets(settings, log, result), settings, log)
}

/** Mapping → expanded sets. Local; throws on a bad mapping file (with the file problems found alongside). */
async function readSets(settings: Settings, log: Logger, result: RunResult): Promise<ExpandedSet[]> {
  const mapping = await loadMapping(settings.mappingPath, { workspace: settings.workspace })
  const expanded = await expandMapping(mapping, { workspace: settings.workspace, locales: settings.locales, onEmptyGlob: settings.onEmptyGlob })
  result.warnings.push(...expanded.warnings)
  for (const w of expanded.warnings) log.warning(w.message, { file: w.file, startLine: w.line, startColumn: w.column })
  // Every entry goes to its own platform's version; entries that name no platform (review attachments, routing coverage) go to the `platform` input's.
  const sets = expanded.sets.map(s => (s.defaultPlatform ? { ...s, platform: settings.platform } : s))
  // Entries the `media-api` cannot deliver (placement-group only with sets) are mapping problems: no write either.
  const problems = [...expanded.problems, ...mediaApiProblems(mapping, settings.mediaApi)]
  if (problems.length) throw new ValidationError([...problems, ...(await checkFiles(sets, settings))])
  return sets
}

/** Expanded sets → checked and described files; every problem at once. */
async function checkSets(sets: ExpandedSet[], settings: Settings, log: Logger): Promise<DesiredSet[]> {
  const problems = await checkFiles(sets, settings)
  const desired = problems.length ? [] : await describeSets(sets, settings)
  problems.push(...checkLocalLimits(desired))
  if (problems.length) throw new ValidationError(problems)
  const files = desired.reduce((n, s) => n + s.files.length, 0)
  const locales = new Set(desired.map(s => s.locale).filter(Boolean)).size
  const platforms = platformsOf(desired)
  log.info(`${files} files in ${desired.length} sets across ${locales} locales${platforms.length > 1 ? ` and ${platforms.length} platforms (${platforms.join(', ')})` : ''} passed the local checks.`)
  return desired
}

/** The platforms whose App Store version the desired media needs (custom product pages and experiments need none). */
export function platformsOf(desired: Pick<DesiredSet, 'surface' | 'platform'>[]): Platform[] {
  const needsVersion = desired.filter(d => d.surface !== 'custom-product-page' && d.surface !== 'experiment')
  return [...new Set(needsVersion.map(d => d.platform))]
}

async function checkFiles(sets: ExpandedSet[], settings: Settings): Promise<Problem[]> {
  const limit = createLimit(Math.max(2, settings.concurrency))
  const check = (s: ExpandedSet, file: string) => {
    const shown = toDisplayPath(file, settings.workspace)
    if (s.kind === 'preview') return checkPreview(file, shown, s.setType)
    if (s.kind === 'screenshot') return checkScreenshot(file, shown, s.setType)
    return checkOtherKind(s.kind, file, shown)
  }
  // An entry with only a placement-group has no sizes in specs.ts: the library's reference-data pre-flight checks its files.
  return (await Promise.all(sets.filter(s => !s.groupOnly).flatMap(s => s.files.map(file => limit(() => check(s, file)))))).flat()
}

async function describeSets(sets: ExpandedSet[], settings: Settings): Promise<DesiredSet[]> {
  const limit = createLimit(4)
  // Sets mode hashes a file only when planning or committing needs it; the library keys everything on SHA-256, and a dry run reports every checksum.
  const hash = settings.mediaApi === 'library' || settings.dryRun
  return Promise.all(
    sets.map(async s => {
      const d: DesiredSet = {
        kind: s.kind,
        surface: s.surface ?? 'version',
        platform: s.platform,
        locale: s.locale,
        setType: s.setType,
        frameTimeCode: s.frameTimeCode,
        source: s.source,
        files: await Promise.all(s.files.map(f => limit(() => describeFile(f, settings.workspace, { hash, sha256: settings.mediaApi === 'library' }))))
      }
      if (s.target) d.target = s.target
      if (s.placementGroup) d.placementGroup = s.placementGroup
      return d
    })
  )
}

/** Container listings by owner and kind, started before planning (see listVersionSets). */
type Listings = Map<string, Promise<RemoteSet[]>>

const listingKey = (owner: ContainerOwner, kind: string): string => `${owner.type}:${owner.id}\u0000${kind}`

/**
 * Starts the reads planning needs first and most: every version localization's screenshot and preview
 * sets that the mapping uses. Reads only; an unknown locale is left to resolveOwners to report.
 */
async function listVersionSets(client: AscClient, resolving: Promise<Resolved>, sets: ExpandedSet[]): Promise<Listings> {
  const { versions } = await resolving
  const reads: Listings = new Map()
  for (const s of sets) {
    const id = versions[s.platform]?.localizations.get(s.locale)
    if ((s.surface ?? 'version') !== 'version' || !isSetKind(s.kind) || !id) continue
    const owner = { type: VERSION_LOCALIZATIONS, id }
    const key = listingKey(owner, s.kind)
    if (reads.has(key)) continue
    const read = readContainers(client, owner, s.locale, s.kind, s.setType)
    read.catch(() => undefined)
    reads.set(key, read)
  }
  return reads
}

async function plan(client: AscClient, settings: Settings, desired: DesiredSet[], result: RunResult, log: Logger, listings?: Listings): Promise<void> {
  const { owners, problems } = await resolveOwners(client, result.app as ResolvedApp, result.versions ?? {}, desired)
  if (problems.length) {
    const onlyLocales = problems.every(p => p.category === 'asset')
    throw new ValidationError(problems, onlyLocales ? 'The mapping names locales the version lacks' : 'The mapping names what App Store Connect does not have')
  }
  const remote = await readRemote(client, desired, owners, listings)
  const remoteOf = (d: DesiredSet) => {
    const owned = owners.get(d) as Owned
    return remote.find(r => r.localizationId === owned.owner.id && r.kind === d.kind && r.setType === d.setType)
  }
  const limit = createLimit(4)
  await Promise.all(desired.flatMap(d => filesNeedingChecksum(d.files, remoteOf(d)?.assets ?? []).map(l => limit(() => ensureHashed(l)))))
  result.plans = desired.map(d => {
    const owned = owners.get(d) as Owned
    return planSet(d, remoteOf(d), settings.mode, owned.localizationId, owned.owner)
  })
  const limits = checkPlannedLimits(result.plans)
  if (limits.length) throw new ValidationError(limits, 'The plan would exceed Apple\'s limits per set')
  for (const p of result.plans) log.info(describePlan(p))
}

/** One request per (owner, kind) that the mapping uses: for sets, each returns every set of the localization with its items. */
async function readRemote(client: AscClient, desired: DesiredSet[], owners: Map<DesiredSet, Owned>, listings?: Listings): Promise<RemoteSet[]> {
  const wanted = new Map<string, DesiredSet>()
  for (const d of desired) {
    const owner = (owners.get(d) as Owned).owner
    if (owner.id) wanted.set(listingKey(owner, d.kind), d)
  }
  const read = await Promise.all(
    [...wanted].map(([key, d]) => listings?.get(key) ?? readContainers(client, (owners.get(d) as Owned).owner, d.locale, d.kind, d.setType))
  )
  return read.flat()
}

export function describePlan(p: SetPlan): string {
  const parts = [
    p.upload.length && `upload ${p.upload.length}`,
    p.keep.length && `keep ${p.keep.length}`,
    p.delete.length && `delete ${p.delete.length}`,
    p.reorder && 'reorder'
  ].filter(Boolean)
  return `${planLabel(p)}: ${parts.length ? parts.join(', ') : 'nothing to do'}`
}
