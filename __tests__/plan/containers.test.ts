/** planSet for containers that are not ordered sets: unordered lists, to-one slots, and a kind with no DELETE. */
import { describe, expect, it } from '@jest/globals'
import type { DesiredSet, LocalAsset, RemoteAsset, RemoteSet } from '../../src/model.js'
import { planSet } from '../../src/plan/plan.js'
import { checkPlannedLimits } from '../../src/plan/preflight.js'

const local = (name: string, md5 = name.padEnd(32, '0')): LocalAsset => ({ path: `/ws/${name}`, displayPath: name, fileName: name, size: 10, md5 })
const remote = (id: string, name: string, md5: string | null = name.padEnd(32, '0'), state: RemoteAsset['state'] = 'COMPLETE'): RemoteAsset => ({ id, kind: 'review-attachment', fileName: name, fileSize: 10, checksum: md5, state, errors: [] })
const desired = (kind: DesiredSet['kind'], files: LocalAsset[], surface: DesiredSet['surface'] = 'review'): DesiredSet => ({ kind, surface, platform: 'IOS', locale: '', setType: 'X', files, source: { file: 'm.yml', pointer: '/x' } })
const container = (kind: RemoteSet['kind'], assets: RemoteAsset[]): RemoteSet => ({ id: 'parent', kind, locale: '', localizationId: 'parent', setType: 'X', assets })

describe('planning containers that are not ordered sets', () => {
  it('review attachments: keep by checksum, upload the new, delete the unlisted in sync, never reorder', () => {
    const p = planSet(desired('review-attachment', [local('b.pdf'), local('a.pdf')]), container('review-attachment', [remote('1', 'a.pdf'), remote('2', 'old.pdf')]), 'sync', 'parent', { type: 'appStoreReviewDetails', id: 'parent' })
    expect(p.keep.map(k => k.remote.id)).toEqual(['1'])
    expect(p.upload.map(l => l.fileName)).toEqual(['b.pdf'])
    expect(p.delete.map(d => [d.remote.id, d.reason])).toEqual([['2', 'not-in-mapping']])
    expect(p).toMatchObject({ ordered: false, reorder: false, surface: 'review', owner: { type: 'appStoreReviewDetails' } })
    const appended = planSet(desired('review-attachment', [local('b.pdf')]), container('review-attachment', [remote('2', 'old.pdf')]), 'append', 'parent')
    expect(appended.delete).toEqual([])
  })

  it('a review detail that does not exist yet: everything is uploaded into a container to create', () => {
    const p = planSet(desired('review-attachment', [local('a.pdf')]), undefined, 'sync', '', { type: 'appStoreReviewDetails', id: null, versionId: 'v1' })
    expect(p).toMatchObject({ setId: null, owner: { id: null, versionId: 'v1' } })
    expect(p.upload).toHaveLength(1)
  })

  it('to-one slots: an equal checksum keeps; a different one replaces, in append mode too', () => {
    const same = planSet(desired('routing-coverage', [local('c.geojson')], 'routing'), container('routing-coverage', [remote('1', 'c.geojson')]), 'sync', 'v1')
    expect([same.keep.length, same.upload.length, same.delete.length]).toEqual([1, 0, 0])
    for (const mode of ['sync', 'append'] as const) {
      const changed = planSet(desired('routing-coverage', [local('c.geojson', 'f'.repeat(32))], 'routing'), container('routing-coverage', [remote('1', 'c.geojson')]), mode, 'v1')
      expect(changed.delete.map(d => [d.remote.id, d.reason])).toEqual([['1', 'replaced']])
      expect(changed.upload).toHaveLength(1)
      expect(changed.maxItems).toBe(1)
      expect(checkPlannedLimits([changed])).toEqual([])
    }
  })

  it('advanced App Clip images have no DELETE: a changed image is uploaded and nothing is deleted', () => {
    const p = planSet(desired('app-clip-advanced-image', [local('card.png', 'e'.repeat(32))], 'app-clip'), container('app-clip-advanced-image', [remote('1', 'card.png'), remote('2', 'x.png', null, 'FAILED')]), 'sync', 'exp')
    expect(p.delete).toEqual([])
    expect(p.upload).toHaveLength(1)
    expect(checkPlannedLimits([p])).toEqual([])
  })

  it('a leftover reservation in a to-one slot is cleared before the upload', () => {
    const p = planSet(desired('app-clip-header-image', [local('h.png')], 'app-clip'), container('app-clip-header-image', [remote('1', 'h.png', null, 'AWAITING_UPLOAD')]), 'sync', 'loc')
    expect(p.delete.map(d => d.reason)).toEqual(['leftover'])
    expect(p.upload).toHaveLength(1)
  })
})
