import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expandMapping, loadMapping, naturalCompare, type Mapping } from '../../src/mapping/index.js'
import { cleanup, quietGlobDebug, workspace } from './helpers.js'

beforeAll(quietGlobDebug)
afterAll(async () => {
  jest.restoreAllMocks()
  await cleanup()
})

async function setup(files: string[], yaml: string[]): Promise<{ ws: string; mapping: Mapping }> {
  const ws = await workspace(files, { text: yaml.join('\n') + '\n' })
  return { ws, mapping: await loadMapping('app-store-assets.yml', { workspace: ws }) }
}

const IPHONE = ['screenshots:', '  - files: "screenshots/{locale}/iphone/*.png"', '    display-type: APP_IPHONE_67']

describe('expandMapping', () => {
  it('expands {locale} over the directories on disk, in natural order', async () => {
    const { ws, mapping } = await setup(
      [
        'screenshots/en-US/iphone/10.png',
        'screenshots/en-US/iphone/2.png',
        'screenshots/en-US/iphone/1.png',
        'screenshots/en-US/iphone/._1.png',
        'screenshots/de-DE/iphone/a.png',
        'screenshots/.cache/iphone/x.png',
        'screenshots/README.md'
      ],
      IPHONE
    )
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.problems).toEqual([])
    expect(r.locales).toEqual(['de-DE', 'en-US'])
    const en = r.sets.find(s => s.locale === 'en-US')!
    expect(en).toMatchObject({ kind: 'screenshot', platform: 'IOS', setType: 'APP_IPHONE_67' })
    expect(en.source).toMatchObject({ line: 2, pointer: '/screenshots/0' })
    expect(en.files).toEqual(['1.png', '2.png', '10.png'].map(f => join(ws, 'screenshots/en-US/iphone', f)))
  })

  it('sorts naturally, ignoring case, with a stable tie-break', () => {
    const names = ['b10.png', 'B2.png', 'a.png', 'b2.png', 'b1.png']
    expect([...names].sort(naturalCompare)).toEqual(['a.png', 'b1.png', 'B2.png', 'b2.png', 'b10.png'])
  })

  it('filters by the locales input and warns about locales no entry produced', async () => {
    const { ws, mapping } = await setup(
      ['screenshots/en-US/iphone/1.png', 'screenshots/de-DE/iphone/1.png', 'screenshots/fr-FR/iphone/1.png'],
      IPHONE
    )
    const r = await expandMapping(mapping, { workspace: ws, locales: ['de-DE', 'fr-FR', 'en_GB'] })
    expect(r.sets.map(s => s.locale)).toEqual(['de-DE', 'fr-FR'])
    expect(r.locales).toEqual(['de-DE', 'fr-FR'])
    expect(r.warnings.map(w => w.message)).toEqual([
      'locale en_GB from the `locales` input matches no entry of the mapping'
    ])
  })

  it('uses an entry-level locales list for a pattern without {locale}', async () => {
    const { ws, mapping } = await setup(
      ['shared/ipad/1.png', 'shared/ipad/2.png'],
      ['screenshots:', '  - files: "shared/ipad/*.png"', '    display-type: APP_IPAD_PRO_3GEN_129', '    locales: [en-US, de-DE]']
    )
    const r = await expandMapping(mapping, { workspace: ws, locales: ['en-US', 'de-DE', 'ja'] })
    expect(r.sets.map(s => [s.locale, s.files.length])).toEqual([
      ['en-US', 2],
      ['de-DE', 2]
    ])
    expect(r.locales).toEqual(['de-DE', 'en-US'])
  })

  it('restricts {locale} to the entry locales and reports one listed but missing on disk', async () => {
    const { ws, mapping } = await setup(
      ['screenshots/en-US/iphone/1.png', 'screenshots/de-DE/iphone/1.png'],
      [...IPHONE, '    locales: [en-US, it]']
    )
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.sets.map(s => s.locale)).toEqual(['en-US'])
    expect(r.problems.map(p => [p.line, p.message])).toEqual([
      [2, 'screenshots[0] (line 2): no files match "screenshots/it/iphone/*.png" for it']
    ])
  })

  it('treats an empty glob as an error by default and as a warning on request', async () => {
    const { ws, mapping } = await setup(
      ['screenshots/en-US/iphone/1.png', 'screenshots/de-DE/ipad/1.png'],
      IPHONE
    )
    const strict = await expandMapping(mapping, { workspace: ws })
    expect(strict.problems).toEqual([
      {
        file: 'app-store-assets.yml',
        line: 2,
        column: 5,
        message: 'screenshots[0] (line 2): no files match "screenshots/de-DE/iphone/*.png" for de-DE',
        category: 'mapping'
      }
    ])
    const lenient = await expandMapping(mapping, { workspace: ws, onEmptyGlob: 'warn' })
    expect(lenient.problems).toEqual([])
    expect(lenient.warnings).toEqual(strict.problems)
    expect(lenient.sets.map(s => s.locale)).toEqual(['en-US'])
  })

  it('rejects a symlink that escapes the workspace and naming the file', async () => {
    const outside = await workspace(['secret.png'])
    const { ws, mapping } = await setup(['screenshots/en-US/iphone/1.png'], IPHONE)
    await symlink(join(outside, 'secret.png'), join(ws, 'screenshots/en-US/iphone/2.png'))
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({ file: 'screenshots/en-US/iphone/2.png', category: 'asset' })
    expect(r.problems[0]!.message).toMatch(/^resolves outside the workspace .*\(matched by screenshots\[0\] \(line 2\)/)
    expect(r.sets[0]!.files).toEqual([join(ws, 'screenshots/en-US/iphone/1.png')])
  })

  it('accepts a symlink inside the workspace but not the same file twice in one set', async () => {
    const { ws, mapping } = await setup(['screenshots/en-US/iphone/1.png'], IPHONE)
    await symlink(join(ws, 'screenshots/en-US/iphone/1.png'), join(ws, 'screenshots/en-US/iphone/2.png'))
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.problems.map(p => [p.file, p.message])).toEqual([
      ['screenshots/en-US/iphone/2.png', expect.stringMatching(/^is the same file as screenshots\/en-US\/iphone\/1\.png/)]
    ])
  })

  it('follows a symlinked locale directory that stays inside the workspace', async () => {
    const { ws, mapping } = await setup(['screenshots/en-US/iphone/1.png'], IPHONE)
    await symlink(join(ws, 'screenshots/en-US'), join(ws, 'screenshots/en-GB'))
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.problems).toEqual([])
    expect(r.sets.map(s => s.locale)).toEqual(['en-GB', 'en-US'])
  })

  it('reports two entries targeting the same set with both lines', async () => {
    const { ws, mapping } = await setup(
      ['screenshots/en-US/iphone/1.png', 'shared/1.png'],
      [...IPHONE, '  - files: "shared/*.png"', '    display-type: APP_IPHONE_67', '    locales: [en-US]']
    )
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.problems.map(p => [p.line, p.message])).toEqual([
      [4, 'two entries target APP_IPHONE_67 for en-US: lines 2 and 4']
    ])
    expect(r.sets).toHaveLength(1)
  })

  it('carries placement-group to the expanded sets; two entries naming one group for a locale clash', async () => {
    const { ws, mapping } = await setup(
      ['duo/en-US/1.png', 'duo/de-DE/1.png', 'shots/en-US/1.png', 'more/1.png'],
      [
        'screenshots:',
        '  - files: "duo/{locale}/*.png"',
        '    placement-group: IPHONE_DUO_PROFILE',
        '  - files: "shots/{locale}/*.png"',
        '    display-type: APP_IPHONE_67',
        '    placement-group: IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE',
        '  - files: "more/*.png"',
        '    placement-group: IPHONE_DUO_PROFILE',
        '    locales: [en-US]'
      ]
    )
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.sets.map(s => [s.locale, s.platform, s.setType, s.placementGroup, s.groupOnly])).toEqual([
      ['de-DE', 'IOS', 'IPHONE_DUO_PROFILE', 'IPHONE_DUO_PROFILE', true],
      ['en-US', 'IOS', 'IPHONE_DUO_PROFILE', 'IPHONE_DUO_PROFILE', true],
      ['en-US', 'IOS', 'APP_IPHONE_67', 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE', undefined]
    ])
    expect(r.problems.map(p => [p.line, p.message])).toEqual([[7, 'two entries target IPHONE_DUO_PROFILE for en-US: lines 2 and 7']])
  })

  it('derives MAC_OS for APP_DESKTOP and keeps frame time codes of previews', async () => {
    const { ws, mapping } = await setup(
      ['mac/1.png', 'previews/en-US/a.mp4'],
      [
        'screenshots:',
        '  - files: "mac/*.png"',
        '    display-type: APP_DESKTOP',
        '    locales: [en-US]',
        'previews:',
        '  - files: "previews/{locale}/*.mp4"',
        '    preview-type: IPHONE_67',
        '    frame-time-code: "00:00:05:00"'
      ]
    )
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.sets.map(s => [s.kind, s.platform, s.setType, s.frameTimeCode])).toEqual([
      ['screenshot', 'MAC_OS', 'APP_DESKTOP', undefined],
      ['preview', 'IOS', 'IPHONE_67', '00:00:05:00']
    ])
  })

  it('reports a missing {locale} parent directory and skips non-locale directories', async () => {
    const { ws, mapping } = await setup(['other/1.png'], IPHONE)
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.problems.map(p => p.message)).toEqual([
      'screenshots[0] (line 2): directory "screenshots" for {locale} does not exist'
    ])
    await mkdir(join(ws, 'screenshots/_drafts/iphone'), { recursive: true })
    await writeFile(join(ws, 'screenshots/_drafts/iphone/1.png'), 'x')
    const again = await expandMapping(mapping, { workspace: ws })
    expect(again.problems).toEqual([])
    expect(again.warnings.map(w => w.message)).toEqual([
      'screenshots[0] (line 2): skipped directory "screenshots/_drafts": not a locale code'
    ])
  })

  it('matches files in a workspace whose path contains glob characters', async () => {
    const base = await workspace()
    const ws = join(base, 'odd [x] *dir?')
    await mkdir(join(ws, 'screenshots/en-US/iphone'), { recursive: true })
    await writeFile(join(ws, 'screenshots/en-US/iphone/1.png'), 'x')
    await writeFile(join(ws, 'app-store-assets.yml'), IPHONE.join('\n'))
    const mapping = await loadMapping('app-store-assets.yml', { workspace: ws })
    const r = await expandMapping(mapping, { workspace: ws })
    expect(r.sets[0]!.files).toEqual([join(ws, 'screenshots/en-US/iphone/1.png')])
  })
})
