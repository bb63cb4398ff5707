/**
 * Finds the owner of every desired container before anything is written: the version localization
 * (per platform), the custom product page's editable version localization, the PPO treatment
 * localization, the App Clip default experience localization, the advanced experience, the review
 * detail, the version. Unknown names (page, experiment, treatment, experience) and missing locales
 * are Problems that name the mapping entry, so a run with any of them fails with zero writes.
 */
import { AppleApiError } from '../asc/api-error.js'
import type { AscClient, ResourceObject } from '../asc/client.js'
import { indexIncluded, toMany, toOne } from '../asc/client.js'
import type { Problem } from '../errors.js'
import type { ContainerOwner, DesiredSet, Platform } from '../model.js'
import type { ResolvedApp, ResolvedVersion } from './app-version.js'
import { CPP_LOCALIZATIONS, TREATMENT_LOCALIZATIONS, VERSION_LOCALIZATIONS } from './sets.js'
import { findReviewDetail } from './containers.js'

/** States in which a custom product page version's media can change (the spec is SILENT; Apple's UI allows these). */
export const EDITABLE_CPP_STATES = ['PREPARE_FOR_SUBMISSION', 'REJECTED'] as const
/** States in which an experiment's treatments can change (SILENT in the spec, as for CPPs). */
export const EDITABLE_EXPERIMENT_STATES = ['PREPARE_FOR_SUBMISSION', 'REJECTED'] as const

export interface Owned {
  owner: ContainerOwner
  /** The owner id used as `localizationId` in plans ('' while a review detail does not exist yet). */
  localizationId: string
}

interface LocalizedParent {
  label: string
  noun: string
  localizations: Map<string, string>
}

export interface OwnerResolution {
  owners: Map<DesiredSet, Owned>
  problems: Problem[]
}

function at(s: DesiredSet, message: string): Problem {
  return { file: s.source.file, line: s.source.line, column: s.source.column, category: 'mapping', message }
}

function missingLocale(s: DesiredSet, parent: LocalizedParent): Problem {
  return {
    file: s.files[0]?.displayPath ?? s.source.file,
    category: 'asset',
    message: `locale "${s.locale}" has files but ${parent.noun} ${parent.label} has no ${s.locale} localization (it has ${[...parent.localizations.keys()].sort().join(', ') || 'none'}). Add the localization in App Store Connect, or rename the folder.`
  }
}

const localeMap = (resources: ResourceObject[]): Map<string, string> => new Map(resources.map(l => [String(l.attributes?.locale), l.id]))

/** Localizations of the related resources of `parent` found in `included` (ids in relationship order). */
function includedOf(parent: ResourceObject, rel: string, included: Map<string, ResourceObject>): ResourceObject[] {
  return toMany(parent, rel)
    .map(ref => included.get(`${ref.type}:${ref.id}`))
    .filter((r): r is ResourceObject => r !== undefined)
}

export async function resolveOwners(
  client: AscClient,
  app: ResolvedApp,
  versions: Partial<Record<Platform, ResolvedVersion>>,
  desired: DesiredSet[]
): Promise<OwnerResolution> {
  const owners = new Map<DesiredSet, Owned>()
  const problems: Problem[] = []
  const reported = new Set<string>()
  const once = (key: string, p: Problem) => {
    if (!reported.has(key)) problems.push(p)
    reported.add(key)
  }
  const localized = (s: DesiredSet, parent: LocalizedParent | undefined, type: string) => {
    if (!parent) return
    const id = parent.localizations.get(s.locale)
    if (!id) return once(`${parent.noun}${parent.label}\u0000${s.locale}`, missingLocale(s, parent))
    owners.set(s, { owner: { type, id }, localizationId: id })
  }
  const pages = lazy(() => readPages(client, app.id))
  const experiments = lazy(() => readExperiments(client, app.id))
  const clipLocalizations = new Map<string, Promise<LocalizedParent | string>>()
  const reviewDetails = new Map<string, Promise<string | null>>()

  for (const s of desired) {
    const version = versions[s.platform] as ResolvedVersion
    const versionParent = version && { label: version.versionString, noun: `${s.platform} version`, localizations: version.localizations }
    switch (s.surface ?? 'version') {
      case 'version':
        localized(s, { ...versionParent, noun: 'version' }, VERSION_LOCALIZATIONS)
        break
      case 'routing':
        owners.set(s, { owner: { type: 'appStoreVersions', id: version.id }, localizationId: version.id })
        break
      case 'review': {
        if (!reviewDetails.has(version.id)) reviewDetails.set(version.id, findReviewDetail(client, version.id))
        const detail = await reviewDetails.get(version.id)!
        owners.set(s, { owner: { type: 'appStoreReviewDetails', id: detail, versionId: version.id }, localizationId: detail ?? '' })
        break
      }
      case 'app-clip': {
        if (s.kind === 'app-clip-advanced-image') {
          const id = s.target?.experience as string
          const problem = await checkExperience(client, id)
          if (problem) once(`experience\u0000${id}`, at(s, problem))
          else owners.set(s, { owner: { type: 'appClipAdvancedExperiences', id }, localizationId: id })
          break
        }
        if (!clipLocalizations.has(version.id)) clipLocalizations.set(version.id, readClipDefaultExperience(client, app.id, version))
        const parent = await clipLocalizations.get(version.id)!
        if (typeof parent === 'string') once(`clip\u0000${version.id}`, at(s, parent))
        else localized(s, parent, 'appClipDefaultExperienceLocalizations')
        break
      }
      case 'custom-product-page': {
        const name = s.target?.page as string
        const page = (await pages()).find(p => p.name === name)
        if (!page) {
          once(`page\u0000${name}`, at(s, `custom product page "${name}" was not found (the app has ${listNames((await pages()).map(p => p.name))}); check the name in App Store Connect › Custom Product Pages.`))
          break
        }
        const parent = await page.editable()
        if (typeof parent === 'string') once(`page\u0000${name}`, at(s, parent))
        else localized(s, parent, CPP_LOCALIZATIONS)
        break
      }
      case 'experiment': {
        const { experiment: name, treatment: treatmentName } = s.target ?? {}
        const all = await experiments()
        const experiment = all.find(e => e.name === name)
        if (!experiment) {
          once(`experiment\u0000${name}`, at(s, `experiment "${name}" was not found (the app has ${listNames(all.map(e => e.name))}); check the name in App Store Connect › Product Page Optimization.`))
          break
        }
        if (!(EDITABLE_EXPERIMENT_STATES as readonly string[]).includes(experiment.state)) {
          once(`experiment\u0000${name}`, at(s, `experiment "${name}" is ${experiment.state}; its treatments can change only in ${EDITABLE_EXPERIMENT_STATES.join(' or ')}.`))
          break
        }
        if (experiment.platform && experiment.platform !== s.platform) {
          once(`experiment-platform\u0000${name}\u0000${s.setType}`, at(s, `${s.setType} is a ${s.platform} ${s.kind === 'preview' ? 'preview' : 'display'} type, but experiment "${name}" is for ${experiment.platform}.`))
          break
        }
        const treatments = await experiment.treatments()
        const treatment = treatments.find(t => t.label === treatmentName)
        if (!treatment) {
          once(`treatment\u0000${name}\u0000${treatmentName}`, at(s, `experiment "${name}" has no treatment "${treatmentName}" (it has ${listNames(treatments.map(t => t.label))}).`))
          break
        }
        localized(s, { ...treatment, label: `"${name} / ${treatmentName}"` }, TREATMENT_LOCALIZATIONS)
        break
      }
    }
  }
  return { owners, problems }
}

function listNames(names: string[]): string {
  return names.length ? names.map(n => `"${n}"`).join(', ') : 'none'
}

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined
  return () => (p ??= load())
}

interface PageInfo {
  name: string
  editable(): Promise<LocalizedParent | string>
}

async function readPages(client: AscClient, appId: string): Promise<PageInfo[]> {
  const doc = await client.getAll(`/v1/apps/${appId}/appCustomProductPages`, { 'fields[appCustomProductPages]': 'name', limit: 200 })
  return doc.data.map(page => {
    const name = String(page.attributes?.name)
    return { name, editable: lazy(() => readEditablePageVersion(client, page.id, name)) }
  })
}

async function readEditablePageVersion(client: AscClient, pageId: string, name: string): Promise<LocalizedParent | string> {
  const doc = await client.getAll(`/v1/appCustomProductPages/${pageId}/appCustomProductPageVersions`, {
    'filter[state]': EDITABLE_CPP_STATES.join(','),
    include: 'appCustomProductPageLocalizations',
    'fields[appCustomProductPageVersions]': 'state,appCustomProductPageLocalizations',
    'fields[appCustomProductPageLocalizations]': 'locale',
    'limit[appCustomProductPageLocalizations]': 50,
    limit: 10
  })
  const version = doc.data[0]
  if (!version) return `custom product page "${name}" has no editable version (${EDITABLE_CPP_STATES.join(' or ')}); create a new version of the page in App Store Connect.`
  const included = indexIncluded(doc)
  let locs = includedOf(version, 'appCustomProductPageLocalizations', included)
  const total = version.relationships?.appCustomProductPageLocalizations?.meta?.paging?.total ?? locs.length
  if (total > locs.length) {
    locs = (await client.getAll(`/v1/appCustomProductPageVersions/${version.id}/appCustomProductPageLocalizations`, { 'fields[appCustomProductPageLocalizations]': 'locale', limit: 200 })).data
  }
  return { label: `"${name}"`, noun: 'custom product page', localizations: localeMap(locs) }
}

interface ExperimentInfo {
  name: string
  state: string
  platform?: string
  treatments(): Promise<(LocalizedParent & { label: string })[]>
}

async function readExperiments(client: AscClient, appId: string): Promise<ExperimentInfo[]> {
  const doc = await client.getAll(`/v1/apps/${appId}/appStoreVersionExperimentsV2`, { 'fields[appStoreVersionExperiments]': 'name,state,platform', limit: 200 })
  return doc.data.map(e => ({
    name: String(e.attributes?.name),
    state: String(e.attributes?.state),
    platform: e.attributes?.platform as string | undefined,
    treatments: lazy(() => readTreatments(client, e.id))
  }))
}

async function readTreatments(client: AscClient, experimentId: string): Promise<(LocalizedParent & { label: string })[]> {
  const doc = await client.getAll(`/v2/appStoreVersionExperiments/${experimentId}/appStoreVersionExperimentTreatments`, {
    include: 'appStoreVersionExperimentTreatmentLocalizations',
    'fields[appStoreVersionExperimentTreatments]': 'name,appStoreVersionExperimentTreatmentLocalizations',
    'fields[appStoreVersionExperimentTreatmentLocalizations]': 'locale',
    'limit[appStoreVersionExperimentTreatmentLocalizations]': 50,
    limit: 200
  })
  const included = indexIncluded(doc)
  return Promise.all(
    doc.data.map(async t => {
      let locs = includedOf(t, 'appStoreVersionExperimentTreatmentLocalizations', included)
      const total = t.relationships?.appStoreVersionExperimentTreatmentLocalizations?.meta?.paging?.total ?? locs.length
      if (total > locs.length) {
        locs = (await client.getAll(`/v1/appStoreVersionExperimentTreatments/${t.id}/appStoreVersionExperimentTreatmentLocalizations`, { 'fields[appStoreVersionExperimentTreatmentLocalizations]': 'locale', limit: 200 })).data
      }
      return { label: String(t.attributes?.name), noun: 'treatment', localizations: localeMap(locs) }
    })
  )
}

/** The default experience released with `version` (an App Clip ships with an iOS version), and its localizations. */
async function readClipDefaultExperience(client: AscClient, appId: string, version: ResolvedVersion): Promise<LocalizedParent | string> {
  const clips = await client.getAll(`/v1/apps/${appId}/appClips`, { 'fields[appClips]': 'bundleId', limit: 200 })
  if (clips.data.length === 0) return 'the app has no App Clip; app-clip-header-images need one (add an App Clip target and upload a build).'
  for (const clip of clips.data) {
    const doc = await client.getAll(`/v1/appClips/${clip.id}/appClipDefaultExperiences`, {
      include: 'releaseWithAppStoreVersion,appClipDefaultExperienceLocalizations',
      'fields[appClipDefaultExperiences]': 'releaseWithAppStoreVersion,appClipDefaultExperienceLocalizations',
      'fields[appClipDefaultExperienceLocalizations]': 'locale',
      'limit[appClipDefaultExperienceLocalizations]': 50,
      limit: 200
    })
    const included = indexIncluded(doc)
    const experience = doc.data.find(e => toOne(e, 'releaseWithAppStoreVersion')?.id === version.id)
    if (experience) {
      return { label: `(App Clip ${clip.attributes?.bundleId ?? clip.id}, ${version.platform} ${version.versionString})`, noun: 'the App Clip default experience', localizations: localeMap(includedOf(experience, 'appClipDefaultExperienceLocalizations', included)) }
    }
  }
  return `no App Clip default experience is released with ${version.platform} version ${version.versionString}; set one up in App Store Connect › App Clip.`
}

/** Reads the advanced experience: a problem when it does not exist (or is not visible to the key). */
async function checkExperience(client: AscClient, id: string): Promise<string | undefined> {
  try {
    await client.get(`/v1/appClipAdvancedExperiences/${id}`, { 'fields[appClipAdvancedExperiences]': 'status' })
    return undefined
  } catch (e) {
    if (e instanceof AppleApiError && e.status === 404) return `advanced App Clip experience "${id}" was not found; use the experience id shown in App Store Connect.`
    throw e
  }
}
