/** Unit tests: display type → placement group through the reference data, and the pure library plan. */
import type { LocalAsset } from '../../src/model.js'
import { planLibrary, wantedIds, type LibraryTarget, type RemotePlacement } from '../../src/plan/library-plan.js'
import { buildRefData } from '../../src/sandbox/library/ref-data.js'
import { placementGroupFor, placementTypeOf, type RefData } from '../../src/surfaces/library/ref-data.js'

const ref = buildRefData() as unknown as RefData

describe('placementGroupFor (display type → group, from the reference data)', () => {
  it.each([
    ['screenshot', 'APP_IPHONE_67', 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE'],
    ['screenshot', 'APP_IPHONE_65', 'IPHONE_FACE_ID_LARGE_PROFILE'],
    ['screenshot', 'APP_IPHONE_55', 'IPHONE_HOME_BUTTON_LARGE_PROFILE'],
    ['screenshot', 'APP_IPAD_PRO_3GEN_129', 'IPAD_13_PROFILE'],
    ['screenshot', 'APP_IPAD_PRO_129', 'IPAD_129_PROFILE'],
    ['screenshot', 'APP_DESKTOP', 'MAC_PROFILE'],
    ['screenshot', 'APP_APPLE_TV', 'TV_PROFILE'],
    ['screenshot', 'APP_APPLE_VISION_PRO', 'VISION_PRO_PROFILE'],
    ['screenshot', 'APP_WATCH_SERIES_10', 'WATCH_SERIES_10_PROFILE'],
    ['screenshot', 'APP_WATCH_ULTRA', 'WATCH_ULTRA_PROFILE'],
    ['screenshot', 'IMESSAGE_APP_IPHONE_67', 'IMESSAGE_IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE'],
    ['preview', 'IPHONE_67', 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE'],
    ['preview', 'IPAD_PRO_3GEN_129', 'IPAD_13_PROFILE'],
    ['preview', 'DESKTOP', 'MAC_PROFILE']
  ] as const)('%s %s → %s', (kind, type, group) => {
    expect(placementGroupFor(ref, kind, type)).toBe(group)
  })

  it('follows the reference data, not a table: a renamed group is picked up, a missing display class gives undefined', () => {
    const renamed = structuredClone(ref)
    const g = renamed.placementProfileGroups.find(x => x.placementProfileGroupId === 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE')!
    g.placementProfileGroupId = 'IPHONE_NEXT_PROFILE'
    for (const t of renamed.placementTypes) for (const m of t.specMappings ?? []) if (m.placementGroupId === 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE') m.placementGroupId = 'IPHONE_NEXT_PROFILE'
    expect(placementGroupFor(renamed, 'screenshot', 'APP_IPHONE_67')).toBe('IPHONE_NEXT_PROFILE')
    renamed.displayClasses = renamed.displayClasses.filter(c => !c.screenDimensions?.includes('6.9'))
    expect(placementGroupFor(renamed, 'screenshot', 'APP_IPHONE_67')).toBeUndefined()
    expect(placementGroupFor(ref, 'screenshot', 'NOT_A_TYPE')).toBeUndefined()
  })

  it('names the placement type', () => {
    expect(placementTypeOf('preview', 'IPHONE_67')).toBe('APP_PREVIEW')
    expect(placementTypeOf('screenshot', 'IMESSAGE_APP_IPHONE_67')).toBe('IMESSAGE_APP_SCREENSHOT')
    expect(placementTypeOf('screenshot', undefined, 'IPHONE_DUO_PROFILE')).toBe('APP_SCREENSHOT')
  })
})

const file = (name: string, sha: string): LocalAsset => ({ path: `/w/${name}`, displayPath: name, fileName: name, size: 10, md5: 'm', sha256: sha })
const target = (loc: string, files: LocalAsset[]): LibraryTarget => ({ kind: 'screenshot', locale: loc, localizationId: loc, placementType: 'APP_SCREENSHOT', group: 'G', files, source: { file: 'm.yml', pointer: '/screenshots/0' } })
const placed = (id: string, sha: string | null, asset = `asset-${sha}`): RemotePlacement => ({ id, placementType: 'APP_SCREENSHOT', group: 'G', assetId: asset, mediaType: 'IMAGE', referenceName: sha ? `sha256:${sha}` : 'Hand-made', assetState: 'PREPARE_FOR_SUBMISSION' })

describe('planLibrary', () => {
  it('uploads each distinct file once and creates one placement per localization', () => {
    const targets = ['a', 'b', 'c'].map(l => target(l, [file('1.png', 'aa')]))
    const plan = planLibrary(targets, new Map(), [], 'sync')
    expect(plan.upload.map(u => u.local.sha256)).toEqual(['aa'])
    expect(plan.groups.map(g => g.create.length)).toEqual([1, 1, 1])
    expect(plan.groups.every(g => !g.reorder)).toBe(true)
  })

  it('reuses an asset found by its marker and keeps placements already in order', () => {
    const t = target('a', [file('1.png', 'aa'), file('2.png', 'bb')])
    const plan = planLibrary([t], new Map([['a', [placed('p1', 'aa'), placed('p2', 'bb')]]]), [{ id: 'asset-aa', kind: 'screenshot', referenceName: 'sha256:aa', state: 'PREPARE_FOR_SUBMISSION', specId: 's' }, { id: 'asset-bb', kind: 'screenshot', referenceName: 'sha256:bb', state: 'APPROVED', specId: 's' }], 'sync')
    expect(plan.upload).toEqual([])
    expect(plan.groups[0]).toMatchObject({ create: [], delete: [], reorder: false })
  })

  it('orders once when only the order differs, and always orders after creating into a group of more than one', () => {
    const t = target('a', [file('1.png', 'aa'), file('2.png', 'bb')])
    const swapped = planLibrary([t], new Map([['a', [placed('p2', 'bb'), placed('p1', 'aa')]]]), [], 'sync')
    expect(swapped.groups[0]!.reorder).toBe(true)
    expect(wantedIds(swapped.groups[0]!, new Map())).toEqual(['p1', 'p2'])
    const added = planLibrary([target('a', [file('1.png', 'aa'), file('3.png', 'cc')])], new Map([['a', [placed('p1', 'aa')]]]), [], 'sync')
    expect(added.groups[0]).toMatchObject({ reorder: true })
    expect(added.groups[0]!.create.map(l => l.fileName)).toEqual(['3.png'])
  })

  it('sync deletes placements with no local file; only our unused assets become deletion candidates', () => {
    const t = target('a', [file('1.png', 'aa')])
    const plan = planLibrary([t], new Map([['a', [placed('p1', 'aa'), placed('p2', 'bb'), placed('p3', null, 'theirs')]]]), [], 'sync')
    expect(plan.groups[0]!.delete.map(p => p.id)).toEqual(['p2', 'p3'])
    expect(plan.assetCandidates).toEqual([{ id: 'asset-bb', kind: 'screenshot' }])
    const append = planLibrary([t], new Map([['a', [placed('p1', 'aa'), placed('p2', 'bb')]]]), [], 'append')
    expect(append.groups[0]).toMatchObject({ delete: [], extras: ['p2'], reorder: false })
  })

  it('a FAILED asset of ours is deleted and uploaded again; its placements go first', () => {
    const t = target('a', [file('1.png', 'aa')])
    const failedPlacement = { ...placed('p1', 'aa'), assetState: 'FAILED' }
    const plan = planLibrary([t], new Map([['a', [failedPlacement]]]), [{ id: 'asset-aa', kind: 'screenshot', referenceName: 'sha256:aa', state: 'FAILED', specId: null }], 'sync')
    expect(plan.redo.map(a => a.id)).toEqual(['asset-aa'])
    expect(plan.upload.map(u => u.local.fileName)).toEqual(['1.png'])
    expect(plan.groups[0]).toMatchObject({ delete: [failedPlacement] })
    expect(plan.groups[0]!.create.map(l => l.fileName)).toEqual(['1.png'])
  })
})
