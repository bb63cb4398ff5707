#!/usr/bin/env node
/**
 * Extracts the part of Apple's App Store Connect OpenAPI spec (4.4.1) that the local sandbox implements:
 * the implemented operations (with their parameters, request bodies and responses) plus every component
 * schema they reach through `$ref`, transitively. The full spec (3.4 MB) lives outside the repository,
 * so the generated src/sandbox/openapi-subset.json is committed and the sandbox never needs the original.
 *
 * Usage: node scripts/extract-spec.mjs [path/to/openapi.json]
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const source = resolve(repo, process.argv[2] ?? '../shared/asc-openapi/openapi.json')
const target = resolve(repo, 'src/sandbox/openapi-subset.json')

/** path → the methods the sandbox serves. Keep in sync with src/sandbox/routes.ts. */
const IMPLEMENTED = {
  '/v1/apps': ['get'],
  '/v1/apps/{id}': ['get'],
  '/v1/apps/{id}/appStoreVersions': ['get'],
  '/v1/appStoreVersions/{id}': ['get'],
  '/v1/appStoreVersions/{id}/appStoreVersionLocalizations': ['get'],
  '/v1/appStoreVersionLocalizations/{id}': ['get'],
  '/v1/appStoreVersionLocalizations/{id}/appScreenshotSets': ['get'],
  '/v1/appStoreVersionLocalizations/{id}/appPreviewSets': ['get'],
  '/v1/appScreenshotSets': ['post'],
  '/v1/appScreenshotSets/{id}': ['get', 'delete'],
  '/v1/appScreenshotSets/{id}/appScreenshots': ['get'],
  '/v1/appScreenshotSets/{id}/relationships/appScreenshots': ['get', 'patch'],
  '/v1/appPreviewSets': ['post'],
  '/v1/appPreviewSets/{id}': ['get', 'delete'],
  '/v1/appPreviewSets/{id}/appPreviews': ['get'],
  '/v1/appPreviewSets/{id}/relationships/appPreviews': ['get', 'patch'],
  '/v1/appScreenshots': ['post'],
  '/v1/appScreenshots/{id}': ['get', 'patch', 'delete'],
  '/v1/appPreviews': ['post'],
  '/v1/appPreviews/{id}': ['get', 'patch', 'delete'],
  // App Clips
  '/v1/apps/{id}/appClips': ['get'],
  '/v1/appClips/{id}/appClipDefaultExperiences': ['get'],
  '/v1/appClipDefaultExperiences/{id}/appClipDefaultExperienceLocalizations': ['get'],
  '/v1/appClipDefaultExperienceLocalizations/{id}/appClipHeaderImage': ['get'],
  '/v1/appClipHeaderImages': ['post'],
  '/v1/appClipHeaderImages/{id}': ['get', 'patch', 'delete'],
  '/v1/appClipAdvancedExperiences/{id}': ['get', 'patch'],
  '/v1/appClipAdvancedExperienceImages': ['post'],
  '/v1/appClipAdvancedExperienceImages/{id}': ['get', 'patch'],
  // Review details and routing coverage
  '/v1/appStoreVersions/{id}/appStoreReviewDetail': ['get'],
  '/v1/appStoreReviewDetails': ['post'],
  '/v1/appStoreReviewDetails/{id}': ['get', 'patch'],
  '/v1/appStoreReviewDetails/{id}/appStoreReviewAttachments': ['get'],
  '/v1/appStoreReviewAttachments': ['post'],
  '/v1/appStoreReviewAttachments/{id}': ['get', 'patch', 'delete'],
  '/v1/appStoreVersions/{id}/routingAppCoverage': ['get'],
  '/v1/routingAppCoverages': ['post'],
  '/v1/routingAppCoverages/{id}': ['get', 'patch', 'delete'],
  // Custom product pages
  '/v1/apps/{id}/appCustomProductPages': ['get'],
  '/v1/appCustomProductPages/{id}/appCustomProductPageVersions': ['get'],
  '/v1/appCustomProductPageVersions/{id}/appCustomProductPageLocalizations': ['get'],
  '/v1/appCustomProductPageLocalizations/{id}/appScreenshotSets': ['get'],
  '/v1/appCustomProductPageLocalizations/{id}/appPreviewSets': ['get'],
  // Product page optimization (v2)
  '/v1/apps/{id}/appStoreVersionExperimentsV2': ['get'],
  '/v2/appStoreVersionExperiments/{id}/appStoreVersionExperimentTreatments': ['get'],
  '/v1/appStoreVersionExperimentTreatments/{id}/appStoreVersionExperimentTreatmentLocalizations': ['get'],
  '/v1/appStoreVersionExperimentTreatmentLocalizations/{id}/appScreenshotSets': ['get'],
  '/v1/appStoreVersionExperimentTreatmentLocalizations/{id}/appPreviewSets': ['get']
}

const spec = JSON.parse(readFileSync(source, 'utf8'))

function collectRefs(node, out) {
  if (Array.isArray(node)) for (const v of node) collectRefs(v, out)
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v)
      else collectRefs(v, out)
    }
  }
}

function resolveRef(ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`)
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
}

const paths = {}
for (const [path, methods] of Object.entries(IMPLEMENTED)) {
  const item = spec.paths[path]
  if (!item) throw new Error(`path not in spec: ${path}`)
  paths[path] = {}
  if (item.parameters) paths[path].parameters = item.parameters
  for (const m of methods) {
    if (!item[m]) throw new Error(`${m.toUpperCase()} ${path} not in spec`)
    paths[path][m] = item[m]
  }
}

// Walk $refs until closed: component schemas, parameters and so on, whatever the operations reach.
const components = {}
const seen = new Set()
const queue = new Set()
collectRefs(paths, queue)
while (queue.size > 0) {
  const [ref] = queue
  queue.delete(ref)
  if (seen.has(ref)) continue
  seen.add(ref)
  const [, , section, name] = ref.split('/')
  const value = resolveRef(ref)
  if (value === undefined) throw new Error(`dangling $ref ${ref}`)
  ;(components[section] ??= {})[name] = value
  const next = new Set()
  collectRefs(value, next)
  for (const r of next) if (!seen.has(r)) queue.add(r)
}
for (const section of Object.values(components)) {
  const sorted = Object.fromEntries(Object.entries(section).sort(([a], [b]) => a.localeCompare(b)))
  for (const k of Object.keys(section)) delete section[k]
  Object.assign(section, sorted)
}

const subset = {
  openapi: spec.openapi,
  info: { ...spec.info, description: `Subset of the App Store Connect API ${spec.info.version} implemented by the local sandbox. Generated by scripts/extract-spec.mjs; do not edit.` },
  servers: spec.servers,
  security: spec.security,
  paths,
  components: { ...components, securitySchemes: spec.components.securitySchemes }
}
writeFileSync(target, JSON.stringify(subset, null, 1) + '\n')
const schemaCount = Object.keys(components.schemas ?? {}).length
console.log(`wrote ${target}: ${Object.keys(paths).length} paths, ${schemaCount} schemas`)
