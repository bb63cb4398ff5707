/**
 * The JSON Schema of the mapping file, built from specs.ts so the accepted display and preview types
 * cannot drift from the table the rest of the action uses. schema/app-store-assets.schema.json is
 * this object written to disk for editors, and src/mapping/generated/validate-mapping.js the validator
 * Ajv compiles from it (`npm run schema`, src/mapping/write-schema.ts); tests keep both equal to it.
 */
import type { SetKind } from '../model.js'
import { PLATFORMS } from '../model.js'
import { PREVIEW_TYPES, SCREENSHOT_DISPLAY_TYPES } from '../media/specs.js'

export const SCHEMA_ID = 'https://github.com/app-store-media-action/schema/app-store-assets.schema.json'
export const LOCALE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'
export const FRAME_TIME_CODE_PATTERN = '^\\d{2}:\\d{2}:\\d{2}:\\d{2}$'
export const LOCALE_PLACEHOLDER = '{locale}'
export const PLACEMENT_GROUP_PATTERN = '^[A-Z0-9_]+$'
/** The entry key naming an asset library placement group directly (media-api: library). */
export const PLACEMENT_GROUP_KEY = 'placement-group'

type JsonSchema = Record<string, unknown>

/**
 * A top-level list of media sets. New list-shaped sections (app-clip images, review attachments, …)
 * are added here; sections with another shape add their own property in buildMappingSchema.
 */
export interface MediaSection {
  key: string
  kind: SetKind
  /** The entry key naming the set type, and the words used for it in messages. */
  typeKey: string
  typeNoun: string
  types: readonly string[]
  description: string
  /** Entry keys beyond files, type, platform and locales. */
  extraProperties: Record<string, JsonSchema>
}

export const MEDIA_SECTIONS: readonly MediaSection[] = [
  {
    key: 'screenshots',
    kind: 'screenshot',
    typeKey: 'display-type',
    typeNoun: 'display type',
    types: SCREENSHOT_DISPLAY_TYPES,
    description: 'Screenshot sets: each entry selects image files (PNG or JPEG) for one display type.',
    extraProperties: {}
  },
  {
    key: 'previews',
    kind: 'preview',
    typeKey: 'preview-type',
    typeNoun: 'preview type',
    types: PREVIEW_TYPES,
    description: 'App preview sets: each entry selects video files (.mov, .m4v, .mp4) for one preview type.',
    extraProperties: {
      'frame-time-code': {
        type: 'string',
        pattern: FRAME_TIME_CODE_PATTERN,
        description: 'The poster frame of the preview, as HH:MM:SS:FF (hours, minutes, seconds, frame), e.g. "00:00:05:00".'
      }
    }
  }
]

function localesSchema(): JsonSchema {
  return {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    description:
      'Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts ' +
      'the expansion to these locales.',
    items: { type: 'string', pattern: LOCALE_PATTERN, description: 'An App Store locale code, e.g. en-US, de-DE, ja.' }
  }
}

function entrySchema(section: MediaSection): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['files'],
    // The type, a placement group, or both; semantic.ts words the message when neither is given. Each branch
    // names its key in `properties` (true: any value; the real schema is below) so Ajv's strictRequired sees it.
    anyOf: [section.typeKey, PLACEMENT_GROUP_KEY].map(key => ({ required: [key], properties: { [key]: true } })),
    description: `One ${section.kind} set per locale.`,
    properties: {
      files: {
        type: 'string',
        minLength: 1,
        description:
          'Glob of the files, relative to the workspace, e.g. "screenshots/{locale}/iphone-6.9/*.png". A {locale} ' +
          'path segment expands over the locale directories present on disk. Files upload in natural order (2 before 10).'
      },
      [section.typeKey]: {
        type: 'string',
        enum: [...section.types],
        description: `The App Store Connect ${section.typeNoun} of the set. Optional when \`${PLACEMENT_GROUP_KEY}\` is given.`
      },
      [PLACEMENT_GROUP_KEY]: {
        type: 'string',
        pattern: PLACEMENT_GROUP_PATTERN,
        description:
          `media-api: library only: the asset library placement group (e.g. IPHONE_DUO_PROFILE), for groups that have no ${section.typeNoun}. ` +
          `Overrides the group derived from \`${section.typeKey}\`. Applies to the version's media, custom product pages and experiments alike.`
      },
      platform: {
        type: 'string',
        enum: [...PLATFORMS],
        description: `The platform of the set. Default: the platform of the ${section.typeNoun} (e.g. Mac types → MAC_OS); IOS for an entry with only \`${PLACEMENT_GROUP_KEY}\`.`
      },
      locales: localesSchema(),
      ...section.extraProperties
    }
  }
}

/** Keys of the other asset kinds and surfaces (beyond `screenshots` / `previews`), in schema order. */
export const OTHER_KEYS = [
  'app-clip-header-images',
  'app-clip-advanced-experience-images',
  'review-attachments',
  'routing-app-coverage',
  'custom-product-pages',
  'experiments'
] as const

/** Every top-level key that selects media. */
export const MAPPING_KEYS: readonly string[] = [...MEDIA_SECTIONS.map(s => s.key), ...OTHER_KEYS]

/** The slot names of the kinds that are not sets (plans and reports show them where a display type would be). */
export const SLOTS = {
  'app-clip-header-image': 'APP_CLIP_HEADER_IMAGE',
  'app-clip-advanced-image': 'APP_CLIP_ADVANCED_EXPERIENCE_IMAGE',
  'review-attachment': 'REVIEW_ATTACHMENT',
  'routing-coverage': 'ROUTING_APP_COVERAGE'
} as const

const FILES_SCHEMA = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description })

function setListsSchema(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {}
  for (const section of MEDIA_SECTIONS) out[section.key] = { type: 'array', minItems: 1, description: section.description, items: entrySchema(section) }
  return out
}

function otherSchemas(): Record<string, JsonSchema> {
  const name = (what: string): JsonSchema => ({ type: 'string', minLength: 1, description: `The ${what} exactly as named in App Store Connect.` })
  return {
    'app-clip-header-images': {
      type: 'array',
      minItems: 1,
      description: 'App Clip header images (1800×1200 PNG or JPEG, no alpha): one per App Clip default experience localization of the iOS version.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: FILES_SCHEMA('Glob of one image per locale, e.g. "appclip/{locale}/header.png".'),
          locales: localesSchema()
        }
      }
    },
    'app-clip-advanced-experience-images': {
      type: 'array',
      minItems: 1,
      description: 'Images (1800×1200) of advanced App Clip experiences, each attached to the experience named by id.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['experience', 'files'],
        properties: {
          experience: { type: 'string', minLength: 1, description: 'The id of the advanced App Clip experience.' },
          files: FILES_SCHEMA('Path (or glob matching one file) of the image, e.g. "appclip/advanced/card.png".')
        }
      }
    },
    'review-attachments': {
      type: 'object',
      additionalProperties: false,
      required: ['files'],
      description: "Attachments of the version's App Review information, synced by checksum; no other review field changes.",
      properties: {
        files: FILES_SCHEMA('Glob of the attachment files, e.g. "review/*".'),
        platform: { type: 'string', enum: [...PLATFORMS], description: 'The platform whose version gets the attachments. Default: the `platform` input.' }
      }
    },
    'routing-app-coverage': {
      type: 'string',
      minLength: 1,
      description: 'Path of the routing app coverage file (.geojson) of the version of the `platform` input.'
    },
    'custom-product-pages': {
      type: 'array',
      minItems: 1,
      description: "Screenshots and previews of custom product pages, on each page's editable version.",
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: name('custom product page name'), ...setListsSchema() }
      }
    },
    experiments: {
      type: 'array',
      minItems: 1,
      description: 'Screenshots and previews of a product page optimization treatment.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'treatment'],
        properties: { name: name('experiment name'), treatment: name('treatment name'), ...setListsSchema() }
      }
    }
  }
}

/** The schema object; stable key order so the file on disk diffs cleanly. */
export function buildMappingSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    // JSON files cannot carry the yaml-language-server comment, so editors find the schema through this key.
    $schema: { type: 'string', description: 'The URL or path of this JSON Schema, for editors. Ignored by the action.' },
    ...setListsSchema(),
    ...otherSchemas()
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'App Store assets mapping',
    description: 'Which local files become which App Store media (screenshots, previews, App Clip images, review attachments, routing coverage), per surface and locale.',
    type: 'object',
    additionalProperties: false,
    properties
  }
}
