/**
 * Annotations: validation failures point at the mapping file's line and column or at the asset file;
 * at most 10 per category, then one line with the count of the rest. Tested as a pure function and
 * through the action's entry (main.ts) with a stub of @actions/core.
 */
import { jest } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Problem } from '../../src/errors.js'
import { annotationsFor } from '../../src/report/annotations.js'

const mapping = (i: number): Problem => ({ file: 'app-store-assets.yml', line: i + 1, column: 5, message: `problem ${i}`, category: 'mapping' })
const asset = (i: number): Problem => ({ file: `shots/en-US/${i}.png`, message: `bad size ${i}`, category: 'asset' })

describe('annotationsFor', () => {
  it('points at file, line and column', () => {
    expect(annotationsFor([mapping(2), asset(1)])).toEqual([
      { message: 'problem 2', properties: { title: 'App Store media: mapping', file: 'app-store-assets.yml', startLine: 3, startColumn: 5 } },
      { message: 'bad size 1', properties: { title: 'App Store media: asset', file: 'shots/en-US/1.png' } }
    ])
  })

  it('writes at most 10 per category, then the count of the rest', () => {
    const problems = [...Array.from({ length: 14 }, (_, i) => mapping(i)), ...Array.from({ length: 11 }, (_, i) => asset(i)), { file: 'x', message: 'other' }]
    const calls = annotationsFor(problems)
    const mappingCalls = calls.filter(c => c.properties.title.endsWith('mapping'))
    expect(mappingCalls).toHaveLength(11)
    expect(mappingCalls.slice(0, 10).map(c => c.properties.startLine)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(mappingCalls[10]).toEqual({ message: '4 more mapping problems not annotated; see the job summary or the log.', properties: { title: 'App Store media: mapping' } })
    const assetCalls = calls.filter(c => c.properties.title.endsWith('asset'))
    expect(assetCalls).toHaveLength(11)
    expect(assetCalls[10]?.message).toBe('1 more asset problem not annotated; see the job summary or the log.')
    expect(calls.filter(c => c.properties.title.endsWith('other'))).toHaveLength(1)
  })

  it('omits a column without a line', () => {
    expect(annotationsFor([{ file: 'a.yml', column: 3, message: 'm', category: 'mapping' }])[0]?.properties).toEqual({ title: 'App Store media: mapping', file: 'a.yml' })
  })
})

describe('the action annotates a broken mapping file', () => {
  const errors: { message: string; properties: Record<string, unknown> }[] = []
  const inputs: Record<string, string> = {}
  let summaryText = ''

  beforeAll(async () => {
    const ws = await mkdtemp(path.join(tmpdir(), 'asc-annot-'))
    // 12 entries with an unknown display type: 12 mapping problems, each on its own line.
    const lines = ['screenshots:']
    for (let i = 0; i < 12; i++) lines.push(`  - files: "s/{locale}/${i}/*.png"`, `    display-type: APP_IPHONE_${i}X`)
    await writeFile(path.join(ws, 'app-store-assets.yml'), lines.join('\n') + '\n')
    Object.assign(inputs, {
      'key-id': 'ABCDE12345',
      'private-key': generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'bundle-id': 'com.example.aurora',
      'api-base-url': 'http://127.0.0.1:9'
    })
    // The runner's contract: input `name` arrives as INPUT_<NAME>. Port 9 refuses connections: the app lookup that leaves at once fails, and the mapping problems are what the run reports.
    for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value
    process.env.GITHUB_WORKSPACE = ws
    process.env.RUNNER_TEMP = ws
    process.env.GITHUB_STEP_SUMMARY = path.join(ws, 'summary.md')
    await writeFile(process.env.GITHUB_STEP_SUMMARY, '')
    const summary = {
      addRaw(text: string) {
        summaryText += text
        return summary
      },
      async write() {
        return summary
      }
    }
    jest.unstable_mockModule('@actions/core', () => ({
      setSecret: () => undefined,
      setOutput: () => undefined,
      setFailed: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warning: () => undefined,
      error: (message: string, properties: Record<string, unknown> = {}) => errors.push({ message, properties }),
      group: async (_name: string, fn: () => Promise<unknown>) => fn(),
      summary
    }))
    const { run } = await import('../../src/main.js')
    await run()
  })

  afterAll(() => {
    for (const name of Object.keys(inputs)) delete process.env[`INPUT_${name.toUpperCase()}`]
    delete process.env.GITHUB_WORKSPACE
    delete process.env.RUNNER_TEMP
    delete process.env.GITHUB_STEP_SUMMARY
  })

  it('writes 10 annotations with the mapping file, line and column, then the count', () => {
    expect(errors).toHaveLength(11)
    expect(errors.slice(0, 10).map(e => e.properties.startLine)).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19, 21])
    for (const e of errors.slice(0, 10)) {
      expect(e.properties).toMatchObject({ file: 'app-store-assets.yml', startColumn: expect.any(Number), title: 'App Store media: mapping' })
    }
    expect(errors[10]?.message).toBe('2 more mapping problems not annotated; see the job summary or the log.')
  })

  it('lists every problem in the job summary', () => {
    expect(summaryText).toContain('app-store-assets.yml:25')
  })
})
