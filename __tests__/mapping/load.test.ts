import { afterAll, describe, expect, it } from '@jest/globals'
import { ActionError, ValidationError } from '../../src/errors.js'
import { loadMapping } from '../../src/mapping/index.js'
import { cleanup, problemsOf, workspace } from './helpers.js'

afterAll(cleanup)

const load = async (text: string, name = 'app-store-assets.yml') => {
  const ws = await workspace([], { name, text })
  return loadMapping(name, { workspace: ws })
}

describe('loadMapping', () => {
  it('reads a valid YAML mapping with sources and derived platforms', async () => {
    const m = await load(
      [
        '# yaml-language-server: $schema=./schema/app-store-assets.schema.json',
        'screenshots:',
        '  - files: "screenshots/{locale}/iphone-6.9/*.png"',
        '    display-type: APP_IPHONE_67',
        '  - files: "shared/mac/*.png"',
        '    display-type: APP_DESKTOP',
        '    locales: [en-US, de-DE]',
        'previews:',
        '  - files: "previews/{locale}/*.mp4"',
        '    preview-type: IPHONE_67',
        '    frame-time-code: "00:00:05:00"',
        ''
      ].join('\n')
    )
    expect(m.displayPath).toBe('app-store-assets.yml')
    expect(m.entries).toEqual([
      {
        kind: 'screenshot',
        files: 'screenshots/{locale}/iphone-6.9/*.png',
        setType: 'APP_IPHONE_67',
        platform: 'IOS',
        source: { file: 'app-store-assets.yml', line: 3, column: 5, pointer: '/screenshots/0' }
      },
      {
        kind: 'screenshot',
        files: 'shared/mac/*.png',
        setType: 'APP_DESKTOP',
        platform: 'MAC_OS',
        locales: ['en-US', 'de-DE'],
        source: { file: 'app-store-assets.yml', line: 5, column: 5, pointer: '/screenshots/1' }
      },
      {
        kind: 'preview',
        files: 'previews/{locale}/*.mp4',
        setType: 'IPHONE_67',
        platform: 'IOS',
        frameTimeCode: '00:00:05:00',
        source: { file: 'app-store-assets.yml', line: 9, column: 5, pointer: '/previews/0' }
      }
    ])
  })

  it('accepts a JSON mapping, including a $schema key', async () => {
    const json = {
      $schema: './schema/app-store-assets.schema.json',
      screenshots: [{ files: 'shots/{locale}/*.png', 'display-type': 'APP_IPAD_PRO_3GEN_129' }]
    }
    const m = await load(JSON.stringify(json, null, '\t'), 'assets.json')
    expect(m.entries[0]).toMatchObject({ setType: 'APP_IPAD_PRO_3GEN_129', platform: 'IOS', source: { line: 4 } })
  })

  it('rejects JSON that only YAML would accept', async () => {
    const problems = await problemsOf(() => load('{\n  "screenshots": [],\n}\n', 'assets.json'))
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toMatch(/^invalid JSON/)
    expect(problems[0]!.line).toBe(3)
  })

  it('reports a YAML syntax error with line and column', async () => {
    const problems = await problemsOf(() =>
      load('screenshots:\n  - files: "a/*.png"\n    display-type: [APP_IPHONE_67\n  - files: x\n')
    )
    expect(problems.length).toBeGreaterThan(0)
    // The parser notices the unclosed [ where the next entry starts.
    expect(problems[0]).toMatchObject({ file: 'app-store-assets.yml', line: 4, column: 3, category: 'mapping' })
    expect(problems[0]!.message).toBe(
      'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'
    )
  })

  it('locates syntax errors at the exact column', async () => {
    const reserved = await problemsOf(() => load('screenshots:\n  - files: a\n    display-type: @bad\n'))
    expect(reserved).toEqual([
      {
        file: 'app-store-assets.yml',
        line: 3,
        column: 19,
        message: 'YAML syntax error: Plain value cannot start with reserved character @',
        category: 'mapping'
      }
    ])
    const duplicate = await problemsOf(() => load('screenshots:\n  - files: a\n    files: b\n'))
    expect(duplicate[0]).toMatchObject({ line: 3, column: 5, message: 'YAML syntax error: Map keys must be unique' })
  })

  it('reports every schema and semantic problem together, each at its line', async () => {
    const err = await load(
      [
        'screenshots:', //                                  1
        '  - files: "screenshots/{locale}/*.png"', //       2
        '    display-type: APP_IPHONE_99', //              3
        '  - files: "shared/*.png"', //                     4
        '    display_type: APP_IPHONE_67', //              5
        '    locales: [en-US]', //                          6
        '  - display-type: APP_IPHONE_65', //              7
        'previews:', //                                     8
        '  - files: "p/{locale}/*.mp4"', //                9
        '    preview-type: IPHONE_67', //                 10
        '    frame-time-code: "0:05"', //                 11
        '  - files: "../outside/*.mp4"', //               12
        '    preview-type: DESKTOP', //                   13
        '    platform: IOS', //                           14
        '    locales: [en-US]', //                        15
        'app-icons: x', //                                16
        ''
      ].join('\n')
    ).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(ValidationError)
    const v = err as ValidationError
    expect(v.message).toMatch(/^The mapping file has problems \(\d+\)/)
    const byLine = Object.fromEntries(v.problems.map(p => [p.line, p.message]))
    expect(byLine[3]).toMatch(/^screenshots\[0\]\.display-type: "APP_IPHONE_99" is not a display type; accepted: APP_IPHONE_67, APP_IPHONE_65, /)
    expect(byLine[5]).toBe(
      'screenshots[1]: unknown key "display_type"; allowed keys: files, display-type, placement-group, platform, locales'
    )
    expect(v.problems.find(p => p.message.includes('missing required key "display-type"'))?.line).toBe(4)
    expect(v.problems.find(p => p.message.includes('missing required key "files"'))?.line).toBe(7)
    expect(byLine[11]).toMatch(/^previews\[0\]\.frame-time-code: "0:05" is not a frame time code; expected HH:MM:SS:FF/)
    expect(byLine[12]).toMatch(/^previews\[1\]\.files: "\.\.\/outside\/\*\.mp4" must stay inside the workspace/)
    expect(byLine[14]).toMatch(/^previews\[1\]\.platform: DESKTOP is a MAC_OS preview type, not IOS/)
    expect(byLine[16]).toMatch(/unknown key "app-icons"; allowed keys: \$schema, screenshots, previews, app-clip-header-images/)
    expect(v.problems.every(p => p.file === 'app-store-assets.yml' && p.category === 'mapping')).toBe(true)
    const lines = v.problems.map(p => p.line!)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
  })

  it('requires locales when files has no {locale}, and rejects absolute paths and partial placeholders', async () => {
    const problems = await problemsOf(() =>
      load(
        [
          'screenshots:',
          '  - files: "shared/ipad/*.png"',
          '    display-type: APP_IPAD_PRO_3GEN_129',
          '  - files: "/etc/{locale}/*.png"',
          '    display-type: APP_IPHONE_67',
          '  - files: "shots/{locale}-x/*.png"',
          '    display-type: APP_IPHONE_65',
          '  - files: "s*/{locale}/*.png"',
          '    display-type: APP_IPHONE_61',
          ''
        ].join('\n')
      )
    )
    expect(problems.map(p => [p.line, p.message])).toEqual([
      [2, expect.stringMatching(/has no \{locale\} segment, so the entry needs a `locales` list/)],
      [4, expect.stringMatching(/must be relative to the workspace, not an absolute path/)],
      [6, expect.stringMatching(/must use \{locale\} once, as a whole path segment/)],
      [8, expect.stringMatching(/must not use wildcards before \{locale\}/)]
    ])
  })

  it('rejects bad locales, empty documents and wrong types', async () => {
    const problems = await problemsOf(() =>
      load('screenshots:\n  - files: "s/*.png"\n    display-type: APP_IPHONE_67\n    locales: [english, en-US, en-US]\n')
    )
    expect(problems.map(p => [p.line, p.column, p.message])).toEqual([
      [4, 15, 'screenshots[0].locales[0]: "english" is not a locale code; expected e.g. en-US, de-DE, ja'],
      [4, 31, 'screenshots[0].locales: lists "en-US" twice']
    ])
    const empty = await problemsOf(() => load('# nothing yet\n'))
    expect(empty[0]!.message).toMatch(/expected a mapping of keys/)
    const noEntries = await problemsOf(() => load('{}\n'))
    expect(noEntries[0]!.message).toMatch(/has no entries; add at least one of: screenshots, previews/)
    const notList = await problemsOf(() => load('screenshots: APP_IPHONE_67\n'))
    expect(notList[0]).toMatchObject({ line: 1, column: 14, message: 'screenshots: expected a list, got "APP_IPHONE_67"' })
  })

  it('accepts placement-group with or without a display type, in every entry list', async () => {
    const m = await load(
      [
        'screenshots:', //                                   1
        '  - files: "duo/{locale}/*.png"', //                2
        '    placement-group: IPHONE_DUO_PROFILE', //        3
        '  - files: "shots/{locale}/*.png"', //              4
        '    display-type: APP_IPHONE_67', //               5
        '    placement-group: IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE',
        'previews:', //                                      7
        '  - files: "p/{locale}/*.mp4"', //                  8
        '    placement-group: IPHONE_DUO_PROFILE', //        9
        '    platform: IOS', //                             10
        'custom-product-pages:', //                         11
        '  - name: Summer', //                              12
        '    screenshots:', //                              13
        '      - files: "cpp/{locale}/*.png"', //           14
        '        placement-group: IPHONE_DUO_PROFILE', //   15
        ''
      ].join('\n')
    )
    expect(m.entries).toEqual([
      {
        kind: 'screenshot',
        files: 'duo/{locale}/*.png',
        setType: 'IPHONE_DUO_PROFILE',
        placementGroup: 'IPHONE_DUO_PROFILE',
        groupOnly: true,
        platform: 'IOS',
        source: { file: 'app-store-assets.yml', line: 2, column: 5, pointer: '/screenshots/0' }
      },
      {
        kind: 'screenshot',
        files: 'shots/{locale}/*.png',
        setType: 'APP_IPHONE_67',
        placementGroup: 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE',
        platform: 'IOS',
        source: { file: 'app-store-assets.yml', line: 4, column: 5, pointer: '/screenshots/1' }
      },
      {
        kind: 'preview',
        files: 'p/{locale}/*.mp4',
        setType: 'IPHONE_DUO_PROFILE',
        placementGroup: 'IPHONE_DUO_PROFILE',
        groupOnly: true,
        platform: 'IOS',
        source: { file: 'app-store-assets.yml', line: 8, column: 5, pointer: '/previews/0' }
      },
      expect.objectContaining({
        surface: 'custom-product-page',
        target: { page: 'Summer' },
        setType: 'IPHONE_DUO_PROFILE',
        placementGroup: 'IPHONE_DUO_PROFILE',
        groupOnly: true,
        source: expect.objectContaining({ line: 14, pointer: '/custom-product-pages/0/screenshots/0' })
      })
    ])
  })

  it('requires a display type or a placement-group, and checks the placement-group pattern', async () => {
    const problems = await problemsOf(() =>
      load(
        [
          'screenshots:', //                                 1
          '  - files: "a/{locale}/*.png"', //                2
          '    platform: IOS', //                            3
          '  - files: "b/{locale}/*.png"', //                4
          '    placement-group: iphone-duo', //              5
          'previews:', //                                    6
          '  - files: "p/{locale}/*.mp4"', //                7
          'experiments:', //                                 8
          '  - name: Icons', //                              9
          '    treatment: A', //                            10
          '    screenshots:', //                            11
          '      - files: "x/{locale}/*.png"', //           12
          ''
        ].join('\n')
      )
    )
    expect(problems.map(p => [p.line, p.message])).toEqual([
      [2, 'screenshots[0]: missing required key "display-type"; give the display type, or `placement-group` (media-api: library) for a placement group that has no display type'],
      [5, 'screenshots[1].placement-group: "iphone-duo" is not a placement group id; expected upper-case letters, digits and underscores, e.g. IPHONE_DUO_PROFILE'],
      [7, 'previews[0]: missing required key "preview-type"; give the preview type, or `placement-group` (media-api: library) for a placement group that has no preview type'],
      [12, 'experiments[0].screenshots[0]: missing required key "display-type"; give the display type, or `placement-group` (media-api: library) for a placement group that has no display type']
    ])
  })

  it('names the path when the mapping file is missing', async () => {
    const ws = await workspace()
    await expect(loadMapping('app-store-assets.yml', { workspace: ws })).rejects.toThrow(ActionError)
    await expect(loadMapping('app-store-assets.yml', { workspace: ws })).rejects.toThrow(
      `Mapping file app-store-assets.yml not found in ${ws}; create it or set the \`mapping\` input`
    )
  })
})
