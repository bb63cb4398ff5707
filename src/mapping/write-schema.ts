/**
 * Writes schema/app-store-assets.schema.json from buildMappingSchema(). Run after changing specs.ts or
 * the schema: `npx tsx src/mapping/write-schema.ts`. A test fails while the file is out of date.
 */
import { writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { buildMappingSchema } from './schema.js'

export const SCHEMA_FILE = new URL('../../schema/app-store-assets.schema.json', import.meta.url)

export function renderSchema(): string {
  return `${JSON.stringify(buildMappingSchema(), null, 2)}\n`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(SCHEMA_FILE, renderSchema())
  console.log(`wrote ${SCHEMA_FILE.pathname}`)
}
