/**
 * The job summary, rendered from hand-made results: tables per platform, surface and locale with the
 * counts, sizes and times; thumbnails from Apple's templateUrl; every value escaped; the dry-run plan.
 */
import type { LocalAsset, ReportEntry, SetPlan } from '../../src/model.js'
import type { RunResult } from '../../src/pipeline.js'
import { countEntries } from '../../src/report/entries.js'
import { escapeHtml, renderSummary, thumbnailUrl } from '../../src/report/summary.js'

const base = { kind: 'screenshot' as const, platform: 'IOS' as const, checksum: 'abc' }

function entry(e: Partial<ReportEntry> & { file: string; locale: string; setType: string; action: ReportEntry['action'] } & { surface?: string }): ReportEntry {
  return { ...base, assetId: 'id-1', state: 'COMPLETE', bytes: 2048, ...e }
}

function result(over: Partial<RunResult> = {}): RunResult {
  return {
    mode: 'sync',
    dryRun: false,
    app: { id: '1234567890', name: 'Aurora <beta>' },
    version: { id: 'v1', versionString: '1.2.0', platform: 'IOS', state: 'PREPARE_FOR_SUBMISSION', localizations: new Map() },
    plans: [],
    runs: [],
    warnings: [],
    startedAt: 1_000,
    finishedAt: 13_500,
    ...over
  }
}

/** The rows of the table that follows the heading `title`, as arrays of cell HTML. */
function tableAfter(html: string, title: string): string[][] {
  const start = html.indexOf(`<h3>${title}</h3>`)
  expect(start).toBeGreaterThanOrEqual(0)
  const table = html.slice(start, html.indexOf('</table>', start))
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map(m => [...(m[1] as string).matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map(c => c[1] as string))
}

describe('renderSummary after a delivery', () => {
  const entries: ReportEntry[] = [
    entry({ file: 'shots/en-US/<script>.png', locale: 'en-US', setType: 'APP_IPHONE_67', action: 'upload', seconds: 3.25, templateUrl: 'https://is1-ssl.mzstatic.com/image/thumb/x/{w}x{h}bb.{f}' }),
    entry({ file: 'shots/en-US/a|b.png', locale: 'en-US', setType: 'APP_IPHONE_67', action: 'keep', templateUrl: 'javascript:alert(1)//{w}' }),
    entry({ file: 'old.png', locale: 'en-US', setType: 'APP_IPHONE_67', action: 'delete', state: 'DELETED', templateUrl: 'https://example.com/deleted/{w}x{h}.{f}' }),
    entry({ file: 'shots/de-DE/1.png', locale: 'de-DE', setType: 'APP_IPAD_PRO_3GEN_129', action: 'upload', state: 'FAILED', errors: [{ code: 'IMAGE_TOOL_FAILURE', description: 'bad <pixels> & "alpha"' }] }),
    entry({ file: 'shots/de-DE/2.png', locale: 'de-DE', setType: 'APP_IPAD_PRO_3GEN_129', action: 'upload', bytes: 3 * 1024 * 1024, seconds: 61 }),
    entry({ file: 'cpp/en-US/1.png', locale: 'en-US', setType: 'APP_IPHONE_67', action: 'upload', surface: 'custom-product-page' } as never)
  ]
  const counts = countEntries(entries, [])
  const html = renderSummary({ result: result(), entries, counts, reportPath: '/tmp/r&d/report.json' })

  it('has one table per platform, surface and locale, version first', () => {
    const headings = [...html.matchAll(/<h3>(.*?)<\/h3>/g)].map(m => m[1])
    expect(headings).toEqual(['IOS · version · de-DE', 'IOS · version · en-US', 'IOS · custom-product-page · en-US', 'Failures'])
  })

  it('counts uploaded, kept, deleted, reordered and failed with sizes and times per set', () => {
    const en = tableAfter(html, 'IOS · version · en-US')
    expect(en[0]).toEqual(['Set', 'Uploaded', 'Kept', 'Deleted', 'Reordered', 'Failed', 'Size', 'Time', 'On the store'])
    expect(en[1]?.slice(0, 8)).toEqual(['APP_IPHONE_67', '1', '1', '1', 'no', '0', '2.0 KiB', '3.3 s'])
    const de = tableAfter(html, 'IOS · version · de-DE')
    expect(de[1]?.slice(0, 8)).toEqual(['APP_IPAD_PRO_3GEN_129', '1', '0', '0', 'no', '1', '3.0 MiB', '1 min 1 s'])
  })

  it('shows a thumbnail of each processed https image, sized to the set type', () => {
    expect(html).toContain('<img src="https://is1-ssl.mzstatic.com/image/thumb/x/100x217bb.png" width="100" alt="shots/en-US/&#60;script&#62;.png">')
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('example.com/deleted')
  })

  it('escapes every value', () => {
    expect(html).not.toContain('<script>')
    expect(html).toContain('<code>shots/en-US/&#60;script&#62;.png</code>')
    expect(html).toContain('<code>shots/en-US/a&#124;b.png</code>')
    expect(html).not.toMatch(/a\|b/)
    expect(html).toContain('Aurora &#60;beta&#62;')
    expect(html).toContain('IMAGE_TOOL_FAILURE: bad &#60;pixels&#62; &#38; &#34;alpha&#34;')
    expect(html).toContain('/tmp/r&#38;d/report.json')
    // Every tag left in the output is one the renderer wrote.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map(m => m[1]))
    expect([...tags].sort()).toEqual(['b', 'code', 'details', 'h2', 'h3', 'img', 'li', 'p', 'summary', 'table', 'td', 'th', 'tr', 'ul'])
  })

  it('heads the summary with the outcome and totals', () => {
    expect(html).toMatch(/^<h2>❌ App Store media<\/h2>/)
    expect(html).toContain('Uploaded <b>3</b>')
    expect(html).toContain('failed <b>1</b>')
    expect(html).toContain('12.5 s')
  })
})

describe('renderSummary of a dry run', () => {
  const local = (name: string, size: number): LocalAsset => ({ path: `/ws/${name}`, displayPath: name, fileName: name.split('/').pop() as string, size, md5: 'm' })
  const remote = (id: string, fileName: string) => ({ id, kind: 'screenshot' as const, fileName, fileSize: 10, checksum: 'c', state: 'COMPLETE' as const, errors: [] })
  const plan = (locale: string, over: Partial<SetPlan>): SetPlan => ({
    kind: 'screenshot',
    platform: 'IOS',
    locale,
    localizationId: `loc-${locale}`,
    setType: 'APP_IPHONE_67',
    setId: 'set',
    keep: [],
    upload: [],
    delete: [],
    order: [],
    remoteOrder: [],
    reorder: false,
    source: { file: 'app-store-assets.yml', pointer: '/screenshots/0' },
    ...over
  })

  it('writes the plan: what a release would change, per locale', async () => {
    const { plannedEntries } = await import('../../src/report/entries.js')
    const plans = [
      plan('en-US', { upload: [local('s/en-US/<1>.png', 5000)], keep: [{ local: local('s/en-US/2.png', 10), remote: remote('r2', '2.png') }], delete: [{ remote: remote('r3', 'gone.png'), reason: 'not-in-mapping' }] }),
      plan('fr-FR', { keep: [{ local: local('s/fr-FR/1.png', 10), remote: remote('r4', '1.png') }], reorder: true })
    ]
    const r = result({ dryRun: true, plans, finishedAt: undefined })
    const entries = plans.flatMap(plannedEntries)
    const html = renderSummary({ result: r, entries, counts: countEntries(entries, []) })
    expect(html).toMatch(/^<h2>📋 App Store media: plan \(dry run, nothing was changed\)<\/h2>/)
    expect(html).toContain('A release would upload <b>1</b> (4.9 KiB), keep <b>2</b>, delete <b>1</b> and reorder <b>1</b> sets.')
    expect(tableAfter(html, 'IOS · version · en-US')).toEqual([
      ['Set', 'Upload', 'Keep', 'Delete', 'Reorder', 'Upload size'],
      ['APP_IPHONE_67', '1', '1', '1', 'no', '4.9 KiB']
    ])
    expect(tableAfter(html, 'IOS · version · fr-FR')[1]).toEqual(['APP_IPHONE_67', '0', '1', '0', 'yes', '0 B'])
    expect(html).toContain('<code>s/en-US/&#60;1&#62;.png</code></td><td>upload</td><td>PLANNED</td>')
  })

  it('says when a release would change nothing', () => {
    const plans = [plan('en-US', { keep: [{ local: local('a.png', 1), remote: remote('r', 'a.png') }] })]
    const html = renderSummary({ result: result({ dryRun: true, plans }), entries: [] })
    expect(html).toContain('A release would change <b>nothing</b>')
  })
})

describe('thumbnails and escaping helpers', () => {
  it('fills {w}, {h} and {f} keeping the set type aspect ratio', () => {
    expect(thumbnailUrl('https://a.example/{w}x{h}bb.{f}', 'screenshot', 'APP_IPHONE_67')).toBe('https://a.example/100x217bb.png')
    expect(thumbnailUrl('https://a.example/{w}x{h}bb.{f}', 'screenshot', 'APP_DESKTOP')).toBe('https://a.example/100x63bb.png')
    expect(thumbnailUrl('https://sandbox.invalid/image/thumb/id/{w}x{h}bb.{f}', 'screenshot', 'APP_IPAD_PRO_3GEN_129')).toBe('https://sandbox.invalid/image/thumb/id/100x133bb.png')
  })

  it('accepts only https', () => {
    expect(thumbnailUrl('http://a.example/{w}.png', 'screenshot', 'APP_IPHONE_67')).toBeUndefined()
    expect(thumbnailUrl('data:image/png;base64,xx', 'screenshot', 'APP_IPHONE_67')).toBeUndefined()
    expect(thumbnailUrl('not a url', 'screenshot', 'APP_IPHONE_67')).toBeUndefined()
  })

  it('escapes HTML and table pipes', () => {
    expect(escapeHtml('<a href="x">\'|`&')).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#124;&#96;&#38;')
  })
})
