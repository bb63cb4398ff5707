/**
 * The action validates the mapping with Ajv's standalone code, generated from schema.ts into
 * src/mapping/generated/ by write-schema.ts. This fails when the committed files are stale.
 * Fix: npm run schema (npx tsx src/mapping/write-schema.ts) and commit src/mapping/generated/.
 */
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { Ajv } from 'ajv'
import { validate } from '../../src/mapping/generated/validate-mapping.js'
import { buildMappingSchema } from '../../src/mapping/schema.js'
import { renderValidator, renderValidatorTypes, VALIDATOR_FILE, VALIDATOR_TYPES_FILE } from '../../src/mapping/write-schema.js'

describe('generated mapping validator', () => {
  it('is what write-schema.ts generates from the schema (run `npm run schema` after changing it)', async () => {
    expect(await readFile(VALIDATOR_FILE, 'utf8')).toBe(renderValidator())
    expect(await readFile(VALIDATOR_TYPES_FILE, 'utf8')).toBe(renderValidatorTypes())
  })

  it('needs neither Ajv nor require at run time', async () => {
    const code = await readFile(VALIDATOR_FILE, 'utf8')
    expect(code).not.toMatch(/\brequire\(|^import /m)
  })

  it('reports the same errors as Ajv compiling the schema at run time', () => {
    const compiled = new Ajv({ allErrors: true, verbose: true, strict: true }).compile(buildMappingSchema())
    const documents: unknown[] = [
      {},
      null,
      [],
      'text',
      { screenshots: [{ files: 'a/*.png', 'display-type': 'APP_IPHONE_67', locales: ['en-US'] }] },
      { screenshots: [] },
      { screenshots: [{ files: '', 'display-type': 'APP_IPHONE_99', platform: 'ANDROID', locales: ['en-US', 'en-US', 'EN'], extra: 1 }] },
      { screenshots: [{ files: 'a/*.png' }], previews: [{ files: 3, 'preview-type': 'IPHONE_67', 'frame-time-code': '5s', 'placement-group': 'lower' }] },
      { 'review-attachments': { files: 'r/*', platform: 'IOS', notes: 'x' }, 'routing-app-coverage': '' },
      { 'app-clip-header-images': [{ files: 'h.png', locales: [] }], 'app-clip-advanced-experience-images': [{ files: 'c.png' }] },
      { 'custom-product-pages': [{ name: '', screenshots: [{ files: 'x', 'display-type': 'NOPE' }] }], experiments: [{ name: 'e', previews: 'x' }] },
      { $schema: 4, unknown: true, screenshots: { files: 'x' } },
      { screenshots: [{ files: 'a/*.png', 'placement-group': 'IPHONE_DUO_PROFILE', locales: ['ja', '😀'] }] }
    ]
    for (const doc of documents) {
      const ok = validate(doc)
      expect([doc, ok, validate.errors ?? null]).toEqual([doc, compiled(doc), compiled.errors ?? null])
    }
  })
})
