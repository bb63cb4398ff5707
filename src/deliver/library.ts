/**
 * Delivery for `media-api: library`: resolve the library and reference data, map each mapped set to
 * its placement group, pre-flight every file against the group's specs, read placements (one request
 * per localization) and our assets (by `sha256:` referenceName), plan (pure), then: upload each
 * distinct file once (the shared reserve → parts → commit engine), poll by listing the library,
 * confirm each asset's specId fits its groups, delete extra placements, create missing ones, post one
 * ordering request per group that needs it, and finally delete our assets that nothing places.
 */
import type { AscClient } from '../asc/client.js'
import { ValidationError, type Problem } from '../errors.js'
import { targetLabel, type DesiredSet, type LocalAsset, type Mode, type Platform, type ReportEntry, type Surface } from '../model.js'
import { hashKey, isNoop, planLibrary, wantedIds, type GroupPlan, type LibraryAssetRef, type LibraryKind, type LibraryPlan, type LibraryTarget, type RemotePlacement } from '../plan/library-plan.js'
import type { Logger } from '../report/logger.js'
import { redact } from '../report/redact.js'
import type { ResolvedVersion } from '../surfaces/app-version.js'
import { resolveOwners, type Owned } from '../surfaces/owners.js'
import { libraryTypeOf, markerOf, sha256Of, type LibraryRemoteAsset } from '../surfaces/library/asset-types.js'
import { checkLibraryFiles } from '../surfaces/library/preflight.js'
import { LIBRARY_FEATURES, acceptsCategory, groupsOf, maxCountOf, placementGroupFor, placementTypeOf, readRefData, specIdsOf, type RefData } from '../surfaces/library/ref-data.js'
import {
  createPlacement,
  deleteLibraryAsset,
  deletePlacement,
  findByMarkers,
  hasPlacements,
  orderPlacements,
  readAssetsById,
  readLibraryId,
  readPlacements,
  type LibraryParent
} from '../surfaces/library/remote.js'
import { BufferPool } from '../media/buffer-pool.js'
import { createLimit } from './limit.js'
import { waitForProcessing, type PollTarget } from './poller.js'
import { uploadAsset, type UploadContext } from './upload-asset.js'

export interface LibraryOptions {
  client: AscClient
  log: Logger
  mode: Mode
  dryRun: boolean
  concurrency: number
  waitForProcessing: boolean
  processingTimeoutMs: number
  pollInitialDelayMs?: number
  now?: () => number
  onProgress?: (event: { type: 'uploaded'; file: string; bytes: number } | { type: 'deleted'; assetId: string }) => void
}

/** What a library-mode run did; `entries` go into the report like set runs' entries. */
export interface LibraryRun {
  libraryId: string
  plan?: LibraryPlan
  targets: LibraryTarget[]
  entries: ReportEntry[]
  uploaded: number
  uploadedBytes: number
  placementsCreated: number
  placementsDeleted: number
  orderingRequests: number
  assetsDeleted: number
  /** Content hash key → why the file could not be delivered. */
  failures: Map<string, string>
}

type Desired = DesiredSet & { placementGroup?: string }

/** The localization a mapped set's placements go on (resolved by surfaces/owners.ts). */
export interface LibraryLocation {
  localizationId: string
  parent: LibraryParent
}

/** The surfaces whose screenshots and previews the library delivers, and the localization relationship of each. */
const LIBRARY_PARENTS: Partial<Record<Surface, LibraryParent>> = {
  version: 'appStoreVersionLocalization',
  'custom-product-page': 'appCustomProductPageLocalization',
  experiment: 'appStoreVersionExperimentTreatmentLocalization'
}

/** Mapped sets → library targets; problems for sets whose group the reference data does not know. */
export function toTargets(desired: Desired[], ref: RefData, locate: (d: Desired) => LibraryLocation): { targets: LibraryTarget[]; problems: Problem[] } {
  const targets: LibraryTarget[] = []
  const problems: Problem[] = []
  const at = (d: Desired, message: string): Problem => ({ file: d.source.file, line: d.source.line, column: d.source.column, category: 'mapping', message })
  for (const d of desired) {
    if (d.kind !== 'screenshot' && d.kind !== 'preview') continue
    const group = d.placementGroup ?? placementGroupFor(ref, d.kind, d.setType)
    if (!group) {
      problems.push(at(d, `${d.setType} (${d.locale}): the asset library's reference data has no single placement group for it; name one with placement-group.`))
      continue
    }
    const placementType = placementTypeOf(d.kind, d.setType, group)
    if (!groupsOf(ref, placementType).includes(group) || !acceptsCategory(ref, placementType)) {
      problems.push(at(d, `${d.locale}: placement group ${group} does not take ${placementType} placements according to the reference data (known groups: ${groupsOf(ref, placementType).join(', ')}).`))
      continue
    }
    const surface = d.surface ?? 'version'
    const feature = LIBRARY_FEATURES[surface as keyof typeof LIBRARY_FEATURES] ?? LIBRARY_FEATURES.version
    const max = maxCountOf(ref, placementType, group, feature)
    const label = targetLabel(d.target)
    const where = `${label ? `"${label}" ` : ''}${d.locale}`
    if (max !== undefined && d.files.length > max) problems.push(at(d, `${d.files.length} files for ${group} in ${where}, but the group holds at most ${max} ${placementType} placements.`))
    const { localizationId, parent } = locate(d)
    targets.push({ kind: d.kind, locale: d.locale, localizationId, placementType, group, files: d.files, frameTimeCode: d.frameTimeCode, source: d.source, parent, surface, platform: d.platform, ...(label ? { label } : {}) })
  }
  return { targets, problems }
}

export async function deliverLibrary(desired: DesiredSet[], appId: string, locate: (d: DesiredSet) => LibraryLocation, o: LibraryOptions): Promise<LibraryRun> {
  const { client, log } = o
  const [libraryId, ref] = await Promise.all([readLibraryId(client, appId), readRefData(client)])
  const run: LibraryRun = { libraryId, targets: [], entries: [], uploaded: 0, uploadedBytes: 0, placementsCreated: 0, placementsDeleted: 0, orderingRequests: 0, assetsDeleted: 0, failures: new Map() }
  const { targets, problems } = toTargets(desired as Desired[], ref, locate)
  problems.push(...(await checkLibraryFiles(targets, ref)))
  if (problems.length) throw new ValidationError(problems, "Files do not meet the asset library's specifications")
  run.targets = targets
  const parents = new Map(targets.map(t => [t.localizationId, t.parent ?? 'appStoreVersionLocalization'] as const))
  const localizations = [...parents.keys()]
  const markers = (kind: LibraryKind) => targets.filter(t => t.kind === kind).flatMap(t => t.files.map(markerOf))
  const [placementLists, images, videos] = await Promise.all([
    Promise.all(localizations.map(id => readPlacements(client, id, parents.get(id)))),
    findByMarkers(client, libraryId, 'screenshot', markers('screenshot')),
    findByMarkers(client, libraryId, 'preview', markers('preview'))
  ])
  const placements = new Map(localizations.map((id, i) => [id, placementLists[i]!]))
  const plan = planLibrary(targets, placements, [...images, ...videos], o.mode)
  run.plan = plan
  log.info(`Asset library ${libraryId}: upload ${plan.upload.length} distinct file(s), reuse ${plan.reuse.size}; ${describeGroups(plan.groups)}`)
  if (o.dryRun || isNoop(plan)) {
    run.entries = entriesOf(run, new Map(), false)
    return run
  }
  await execute(run, plan, ref, o)
  return run
}

function describeGroups(groups: GroupPlan[]): string {
  const n = (f: (g: GroupPlan) => number) => groups.reduce((s, g) => s + f(g), 0)
  return `${groups.length} group(s): keep ${n(g => g.keep.length)}, place ${n(g => g.create.length)}, remove ${n(g => g.delete.length)}, reorder ${n(g => (g.reorder ? 1 : 0))}`
}

async function execute(run: LibraryRun, plan: LibraryPlan, ref: RefData, o: LibraryOptions): Promise<void> {
  const { client, log } = o
  const limit = createLimit(Math.max(1, o.concurrency))
  const deletedPlacements = new Set<string>()
  const dropPlacement = async (id: string) => {
    if (deletedPlacements.has(id)) return
    deletedPlacements.add(id)
    await deletePlacement(client, id)
    run.placementsDeleted++
  }
  // 1. Our assets that never became content: their placements, then the asset (deletes do not cascade).
  await Promise.all(
    plan.redo.map(a =>
      limit(async () => {
        for (const g of plan.groups) for (const p of g.delete.filter(p => p.assetId === a.id)) await dropPlacement(p.id)
        if (await hasPlacements(client, a.kind, a.id)) return log.warning(`asset ${a.id} (${a.referenceName}) never processed but is still placed elsewhere; left as is`)
        await deleteLibraryAsset(client, a.kind, a.id)
        run.assetsDeleted++
      })
    )
  )
  // 2. Upload each distinct file once.
  const assets = new Map<string, LibraryRemoteAsset | LibraryAssetRef>(plan.reuse)
  const uploadedKeys = new Set<string>()
  const ctx: UploadContext = {
    client,
    now: o.now,
    claimed: new Set(),
    buffers: new BufferPool(Math.max(1, o.concurrency)),
    debug: m => log.debug(m),
    listParent: async () => [
      ...(await client.getAll(`/v1/appAssetLibraries/${run.libraryId}/images`, { 'filter[state]': 'AWAITING_UPLOAD', limit: 200 })).data.map(r => libraryTypeOf('screenshot').read(r))
    ]
  }
  await Promise.all(
    plan.upload.map(u =>
      limit(async () => {
        const key = hashKey(u.kind, sha256Of(u.local))
        try {
          const asset = (await uploadAsset(ctx, libraryTypeOf(u.kind), { type: 'appAssetLibraries', id: run.libraryId }, u.local, { frameTimeCode: u.frameTimeCode })) as LibraryRemoteAsset
          assets.set(key, asset)
          uploadedKeys.add(key)
          run.uploaded++
          run.uploadedBytes += u.local.size
          o.onProgress?.({ type: 'uploaded', file: u.local.displayPath, bytes: u.local.size })
          log.info(`↑ ${u.local.displayPath} (${u.local.size} bytes) → asset library as ${asset.id}`)
        } catch (e) {
          run.failures.set(key, redact(e instanceof Error ? e.message : String(e)))
          log.error(`${u.local.displayPath}: ${run.failures.get(key)}`)
        }
      })
    )
  )
  // 3. Wait for processing by listing the library filtered by id.
  if (o.waitForProcessing) await settle(run, assets, uploadedKeys, o)
  // 4. The specId Apple chose must be one the group accepts.
  for (const t of run.targets) {
    const ids = new Set(specIdsOf(ref, t.placementType, t.group))
    for (const l of t.files) {
      const key = hashKey(t.kind, sha256Of(l))
      const a = assets.get(key)
      if (!a || run.failures.has(key)) continue
      const specId = 'libraryState' in a ? a.specId : a.specId
      if (specId && !ids.has(specId)) {
        run.failures.set(key, `App Store Connect matched it to spec ${specId}, which placement group ${t.group} does not accept`)
        log.error(`${l.displayPath}: ${run.failures.get(key)}`)
      }
    }
  }
  // 5. Per group: remove extras, place what is missing, order once.
  await Promise.all(plan.groups.map(g => limit(() => syncGroup(run, g, assets, dropPlacement, o))))
  // 6. Our assets that nothing places any more (and uploads that failed the spec check): placements first, then assets.
  const doomed = new Map(plan.assetCandidates.map(c => [c.id, c]))
  for (const key of run.failures.keys()) {
    const a = assets.get(key)
    if (a && uploadedKeys.has(key)) doomed.set(a.id, { id: a.id, kind: key.startsWith('preview:') ? 'preview' : 'screenshot' })
  }
  await Promise.all(
    [...doomed.values()].map(c =>
      limit(async () => {
        if (await hasPlacements(client, c.kind, c.id)) return
        await deleteLibraryAsset(client, c.kind, c.id)
        run.assetsDeleted++
        o.onProgress?.({ type: 'deleted', assetId: c.id })
        log.info(`✕ deleted library asset ${c.id}: nothing places it any more`)
      })
    )
  )
  run.entries = entriesOf(run, assets, true)
}

async function settle(run: LibraryRun, assets: Map<string, LibraryRemoteAsset | LibraryAssetRef>, uploadedKeys: Set<string>, o: LibraryOptions): Promise<void> {
  const pending = new Map<string, string>()
  const keyById = new Map<string, string>()
  for (const key of uploadedKeys) {
    const a = assets.get(key) as LibraryRemoteAsset
    keyById.set(a.id, key)
    if (a.state !== 'COMPLETE' && a.state !== 'FAILED') pending.set(a.id, key.startsWith('preview:') ? 'preview' : 'screenshot')
  }
  if (!pending.size) return
  const targets = new Map<string, PollTarget>()
  for (const kind of ['screenshot', 'preview'] as const) {
    const ids = [...pending].filter(([, k]) => k === kind).map(([id]) => id)
    if (ids.length) targets.set(kind, { key: kind, read: async () => new Map([['library', await readAssetsById(o.client, run.libraryId, kind, ids)]]) })
  }
  const result = await waitForProcessing(pending, targets, { timeoutMs: o.processingTimeoutMs, initialDelayMs: o.pollInitialDelayMs, now: o.now })
  for (const [id, asset] of result.assets) {
    const key = keyById.get(id) as string
    assets.set(key, asset as LibraryRemoteAsset)
    if (asset.state === 'FAILED') {
      const why = asset.errors.map(e => `${e.code}: ${e.description}`).join('; ') || 'no reason given'
      run.failures.set(key, `App Store Connect could not process it: ${why}`)
      o.log.warning(`${asset.fileName}: processing FAILED (${why})`)
    }
  }
  for (const id of result.timedOut) run.failures.set(keyById.get(id) as string, 'still processing when processing-timeout ran out; run again later to place it.')
}

async function syncGroup(run: LibraryRun, g: GroupPlan, assets: Map<string, LibraryRemoteAsset | LibraryAssetRef>, drop: (id: string) => Promise<void>, o: LibraryOptions): Promise<void> {
  const t = g.target
  for (const p of g.delete) {
    await drop(p.id)
    o.log.info(`✕ ${where(t)} ${t.group}: removed placement ${p.id}`)
  }
  const created = new Map<LocalAsset, string>()
  for (const l of g.create) {
    const key = hashKey(t.kind, sha256Of(l))
    const a = assets.get(key)
    if (!a || run.failures.has(key)) continue
    try {
      created.set(l, await createPlacement(o.client, t.kind, a.id, t.placementType, t.group, t.localizationId, t.parent))
      run.placementsCreated++
    } catch (e) {
      run.failures.set(key, redact(e instanceof Error ? e.message : String(e)))
      o.log.error(`${l.displayPath}: placing it in ${where(t)} ${t.group} failed: ${run.failures.get(key)}`)
    }
  }
  const ids = wantedIds(g, created)
  if (g.reorder && ids.length > 1) {
    await orderPlacements(o.client, t.localizationId, t.group, ids, t.parent)
    run.orderingRequests++
  }
  o.log.info(`✓ ${where(t)} ${t.group}: ${ids.length} placement(s)${g.reorder && ids.length > 1 ? ' (ordered)' : ''}`)
}

/** The localization of a target as logged: surface, page or "experiment / treatment", locale. */
function where(t: LibraryTarget): string {
  return [t.surface && t.surface !== 'version' && t.surface, t.label && `"${t.label}"`, t.locale].filter(Boolean).join(' ')
}

function entriesOf(run: LibraryRun, assets: Map<string, LibraryRemoteAsset | LibraryAssetRef>, done: boolean): ReportEntry[] {
  const plan = run.plan
  if (!plan) return []
  const uploads = new Set(plan.upload.map(u => hashKey(u.kind, sha256Of(u.local))))
  const attributed = new Set<string>()
  const entries: ReportEntry[] = []
  for (const g of plan.groups) {
    const t = g.target
    const base = { kind: t.kind, surface: t.surface ?? 'version', ...(t.label ? { target: t.label } : {}), platform: t.platform ?? ('IOS' as Platform), locale: t.locale, setType: t.group }
    for (const l of t.files) {
      const key = hashKey(t.kind, sha256Of(l))
      const a = assets.get(key) ?? plan.reuse.get(key)
      const failure = run.failures.get(key)
      // Each distinct upload is reported once (on its first placement); every other placement of it is a keep.
      const isUpload = uploads.has(key) && !attributed.has(key)
      if (isUpload) attributed.add(key)
      const state = !done && isUpload ? 'PLANNED' : failure ? 'FAILED' : a ? ('libraryState' in a ? a.state : 'COMPLETE') : 'NOT_STARTED'
      entries.push({
        ...base,
        file: l.displayPath,
        assetId: a?.id ?? null,
        action: isUpload ? 'upload' : 'keep',
        state,
        checksum: l.md5 ?? null,
        bytes: l.size,
        ...(failure ? { errors: [{ code: 'DELIVERY_FAILED', description: failure }] } : {})
      })
    }
    for (const p of g.delete) entries.push({ ...base, file: p.referenceName, assetId: p.id, action: 'delete', state: done ? 'DELETED' : 'PLANNED', checksum: null, bytes: 0 })
  }
  return entries
}

/**
 * The pipeline's `media-api: library` branch: the screenshots and previews of version localizations
 * (every platform's version), custom product page localizations and experiment treatment
 * localizations go through the asset library in one delivery, so a file used on several surfaces is
 * uploaded once. Their localizations are resolved by surfaces/owners.ts before any write (unknown
 * pages, experiments or treatments, non-editable parents and missing locales stop the run). Every
 * other set (App Clip, review attachments, routing coverage) is returned for the set-based plan and execute.
 */
export async function deliverLibraryMode(
  desired: DesiredSet[],
  appId: string,
  versions: Partial<Record<string, ResolvedVersion>>,
  o: LibraryOptions
): Promise<{ runs: LibraryRun[]; remaining: DesiredSet[] }> {
  const isLibrary = (d: DesiredSet) => {
    const surface = d.surface ?? 'version'
    return (d.kind === 'screenshot' || d.kind === 'preview') && LIBRARY_PARENTS[surface] !== undefined && (surface !== 'version' || versions[d.platform] !== undefined)
  }
  const mine = desired.filter(isLibrary)
  const remaining = desired.filter(d => !isLibrary(d))
  if (!mine.length) return { runs: [], remaining }
  const { owners, problems } = await resolveOwners(o.client, { id: appId }, versions as Partial<Record<Platform, ResolvedVersion>>, mine)
  if (problems.length) {
    const onlyLocales = problems.every(p => p.category === 'asset')
    throw new ValidationError(problems, onlyLocales ? 'The mapping names locales the version lacks' : 'The mapping names what App Store Connect does not have')
  }
  const locate = (d: DesiredSet): LibraryLocation => ({ localizationId: (owners.get(d) as Owned).localizationId, parent: LIBRARY_PARENTS[d.surface ?? 'version'] as LibraryParent })
  return { runs: [await deliverLibrary(mine, appId, locate, o)], remaining }
}
