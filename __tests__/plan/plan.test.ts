import { filesNeedingChecksum, planSet } from '../../src/plan/plan.js'
import { checkLocales, checkLocalLimits, checkPlannedLimits } from '../../src/plan/preflight.js'
import type { DesiredSet, LocalAsset, RemoteAsset, RemoteSet } from '../../src/model.js'

const local = (name: string, md5 = `md5-${name}`, size = 100): LocalAsset & { md5: string } => ({ path: `/ws/${name}`, displayPath: name, fileName: name, size, md5 })
const remote = (id: string, name: string, checksum: string | null, state: RemoteAsset['state'] = 'COMPLETE', size = 100): RemoteAsset => ({
  id,
  kind: 'screenshot',
  fileName: name,
  fileSize: size,
  checksum,
  state,
  errors: []
})
const desired = (files: LocalAsset[]): DesiredSet => ({
  kind: 'screenshot',
  platform: 'IOS',
  locale: 'en-US',
  setType: 'APP_IPHONE_67',
  files,
  source: { file: 'app-store-assets.yml', line: 2, pointer: '/screenshots/0' }
})
const set = (assets: RemoteAsset[]): RemoteSet => ({ id: 'set1', kind: 'screenshot', locale: 'en-US', localizationId: 'loc1', setType: 'APP_IPHONE_67', assets })

describe('planSet', () => {
  const [a, b, c] = [local('1.png'), local('2.png'), local('3.png')]

  it('uploads everything into a set that does not exist yet, in local order, without a reorder', () => {
    const p = planSet(desired([a, b, c]), undefined, 'sync', 'loc1')
    expect(p.setId).toBeNull()
    expect(p.upload).toEqual([a, b, c])
    expect(p.keep).toEqual([])
    expect(p.delete).toEqual([])
    expect(p.reorder).toBe(false)
  })

  it('keeps assets whose checksum matches and changes nothing when the order is right', () => {
    const p = planSet(desired([a, b]), set([remote('r1', '1.png', a.md5), remote('r2', '2.png', b.md5)]), 'sync', 'loc1')
    expect(p.keep.map(k => k.remote.id)).toEqual(['r1', 'r2'])
    expect(p.upload).toEqual([])
    expect(p.delete).toEqual([])
    expect(p.reorder).toBe(false)
  })

  it('plans a reorder, and only a reorder, when kept assets are out of order', () => {
    const p = planSet(desired([a, b]), set([remote('r2', '2.png', b.md5), remote('r1', '1.png', a.md5)]), 'sync', 'loc1')
    expect(p.upload).toEqual([])
    expect(p.delete).toEqual([])
    expect(p.reorder).toBe(true)
  })

  it('one changed and one removed file give one upload that replaces the old version, and one removal', () => {
    const changed = local('2.png', 'md5-new')
    const p = planSet(desired([a, changed]), set([remote('r1', '1.png', a.md5), remote('r2', '2.png', 'md5-old'), remote('r3', '3.png', c.md5)]), 'sync', 'loc1')
    expect(p.upload).toEqual([changed])
    expect(p.delete.map(d => [d.remote.id, d.reason])).toEqual([
      ['r2', 'replaced'],
      ['r3', 'not-in-mapping']
    ])
    expect(p.reorder).toBe(false)
  })

  it('does not re-upload a COMPLETE asset whose checksum Apple has not published yet', () => {
    const p = planSet(desired([a]), set([remote('r1', '1.png', null, 'COMPLETE')]), 'sync', 'loc1')
    expect(p.keep.map(k => k.remote.id)).toEqual(['r1'])
    expect(p.upload).toEqual([])
    expect(p.delete).toEqual([])
  })

  it('deletes reservations never finished and FAILED assets in every mode', () => {
    for (const mode of ['sync', 'append', 'replace'] as const) {
      const p = planSet(desired([a]), set([remote('x', '1.png', null, 'AWAITING_UPLOAD'), remote('y', 'old.png', null, 'FAILED')]), mode, 'loc1')
      expect(p.delete.map(d => d.reason).sort()).toEqual(['failed', 'leftover'])
      expect(p.upload).toEqual([a])
    }
  })

  it('append uploads what is missing and deletes nothing that is live', () => {
    const p = planSet(desired([a, b]), set([remote('r1', '1.png', a.md5), remote('r9', 'other.png', 'zzz')]), 'append', 'loc1')
    expect(p.upload).toEqual([b])
    expect(p.delete).toEqual([])
    // other.png stays and goes last; 2.png lands after it, so the set must be reordered.
    expect(p.reorder).toBe(true)
  })

  it('replace deletes every live asset and uploads every file', () => {
    const p = planSet(desired([a, b]), set([remote('r1', '1.png', a.md5), remote('r2', '2.png', b.md5)]), 'replace', 'loc1')
    expect(p.upload).toEqual([a, b])
    expect(p.delete.map(d => d.reason)).toEqual(['replaced', 'replaced'])
  })

  it('reorders when an upload must go before a kept asset', () => {
    const p = planSet(desired([a, b]), set([remote('r2', '2.png', b.md5)]), 'sync', 'loc1')
    expect(p.upload).toEqual([a])
    expect(p.reorder).toBe(true)
  })

  it('pairs identical files with distinct remote assets', () => {
    const twin = local('copy.png', a.md5)
    const p = planSet(desired([a, twin]), set([remote('r1', '1.png', a.md5)]), 'sync', 'loc1')
    expect(p.keep).toHaveLength(1)
    expect(p.upload).toEqual([twin])
  })
})

describe('pre-flight', () => {
  it('reports too many files for a set, naming the mapping line', () => {
    const files = Array.from({ length: 11 }, (_, i) => local(`${i + 1}.png`))
    const [problem] = checkLocalLimits([desired(files)])
    expect(problem).toMatchObject({ file: 'app-store-assets.yml', line: 2 })
    expect(problem.message).toMatch(/11 screenshots .* at most 10/)
  })

  it('names a locale the version lacks and lists the ones it has', () => {
    const d = { ...desired([local('1.png')]), locale: 'fr-FR' }
    const [problem] = checkLocales([d], new Map([['en-US', 'l1'], ['de-DE', 'l2']]), '1.2.0')
    expect(problem.message).toContain('"fr-FR"')
    expect(problem.message).toContain('de-DE, en-US')
  })

  it('counts what stays remote in append mode against the limit', () => {
    const remoteAssets = Array.from({ length: 9 }, (_, i) => remote(`r${i}`, `old${i}.png`, `o${i}`))
    const p = planSet(desired([local('a.png'), local('b.png')]), set(remoteAssets), 'append', 'loc1')
    const [problem] = checkPlannedLimits([p])
    expect(problem.message).toMatch(/would hold 11 screenshots \(9 staying .* \+ 2 new\)/)
  })
})

describe('filesNeedingChecksum', () => {
  const unhashed = (name: string, size: number): LocalAsset => ({ path: `/ws/${name}`, displayPath: name, fileName: name, size })

  it('asks only for files a remote asset with a checksum could be (same size)', () => {
    const [same, other, pendingSize] = [unhashed('1.png', 100), unhashed('2.png', 200), unhashed('3.png', 300)]
    const remoteAssets = [remote('r1', 'x.png', 'abc', 'COMPLETE', 100), remote('r2', '3.png', null, 'UPLOAD_COMPLETE', 300)]
    expect(filesNeedingChecksum([same, other, pendingSize], remoteAssets)).toEqual([same])
    expect(filesNeedingChecksum([same, other], [])).toEqual([])
    expect(filesNeedingChecksum([local('4.png', 'md5-known', 100)], remoteAssets)).toEqual([])
  })

  it('plans an unhashed file of a new size as an upload, and matches the hashed one', () => {
    const known = local('1.png', 'abc', 100)
    const fresh = unhashed('2.png', 200)
    const p = planSet(desired([known, fresh]), set([remote('r1', '1.png', 'abc', 'COMPLETE', 100)]), 'sync', 'loc1')
    expect(p.keep.map(k => k.remote.id)).toEqual(['r1'])
    expect(p.upload).toEqual([fresh])
  })
})
