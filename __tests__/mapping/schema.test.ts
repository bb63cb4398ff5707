import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { PLATFORMS } from '../../src/model.js'
import { PREVIEW_TYPES, SCREENSHOT_DISPLAY_TYPES } from '../../src/media/specs.js'
import { buildMappingSchema } from '../../src/mapping/index.js'
import { renderSchema, SCHEMA_FILE } from '../../src/mapping/write-schema.js'

type Schema = { properties: Record<string, { items: { properties: Record<string, { enum?: string[] }> } }> }

describe('mapping schema', () => {
  it('is the file on disk (run `npx tsx src/mapping/write-schema.ts` after changing it)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(renderSchema())
  })

  it('lists exactly the display types, preview types and platforms of specs.ts', async () => {
    const onDisk = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as Schema
    const shots = onDisk.properties.screenshots!.items.properties
    const previews = onDisk.properties.previews!.items.properties
    expect(shots['display-type']!.enum).toEqual(SCREENSHOT_DISPLAY_TYPES)
    expect(previews['preview-type']!.enum).toEqual(PREVIEW_TYPES)
    expect(shots.platform!.enum).toEqual([...PLATFORMS])
  })

  it('describes every property and closes every object', () => {
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return
      const n = node as Record<string, unknown>
      if (n.type === 'object') expect([path, n.additionalProperties]).toEqual([path, false])
      for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        expect([`${path}.${key}`, typeof child.description]).toEqual([`${path}.${key}`, 'string'])
        walk(child, `${path}.${key}`)
      }
      if (n.items) walk(n.items, `${path}[]`)
    }
    walk(buildMappingSchema(), '$')
  })
})
