/** The mapping stage: read the mapping file, then expand it against the files on disk. */
export { loadMapping, workspaceRelative, type LoadOptions } from './load.js'
export { mediaApiProblems } from './media-api.js'
export { expandMapping, naturalCompare, type ExpandOptions, type ExpandResult } from './expand.js'
export {
  buildMappingSchema,
  FRAME_TIME_CODE_PATTERN,
  LOCALE_PATTERN,
  LOCALE_PLACEHOLDER,
  MEDIA_SECTIONS,
  SCHEMA_ID,
  type MediaSection
} from './schema.js'
export type { ExpandedSet, Mapping, MappingEntry } from './types.js'
