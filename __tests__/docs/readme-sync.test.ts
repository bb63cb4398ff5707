/**
 * The README's inputs and outputs are generated from action.yml (scripts/readme-inputs.ts); this
 * fails when the block between <!-- inputs:start --> and <!-- inputs:end --> differs from it.
 * Fix: npx tsx scripts/readme-inputs.ts README.md docs/README-draft.md
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { currentBlock, END, hasMarkers, renderInputsBlock, replaceBlock, ROOT, START } from '../../scripts/readme-inputs.js'

const actionYml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
const expected = renderInputsBlock(actionYml)
const FIX = 'run `npx tsx scripts/readme-inputs.ts README.md docs/README-draft.md` and commit the result'

function markdown(rel: string): string | undefined {
  const file = path.join(ROOT, rel)
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

describe('inputs and outputs table', () => {
  it('lists every input and output of action.yml with its default', () => {
    const action = parse(actionYml) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> }
    for (const [name, input] of Object.entries(action.inputs)) {
      const row = expected.split('\n').find(l => l.startsWith(`| \`${name}\` |`))
      expect(row).toBeDefined()
      if (input.default) expect(row).toContain(`\`${input.default}\``)
    }
    for (const name of Object.keys(action.outputs)) expect(expected).toContain(`| \`${name}\` |`)
  })

  it('rewrites only the block between the markers', () => {
    const doc = `# Title\n\n${START}\nstale\n${END}\n\nmore\n`
    const out = replaceBlock(doc, expected)
    expect(out.startsWith('# Title\n\n')).toBe(true)
    expect(out.endsWith(`${END}\n\nmore\n`)).toBe(true)
    expect(currentBlock(out)).toBe(expected)
    expect(replaceBlock(out, expected)).toBe(out)
  })
})

const readme = markdown('README.md')
const readmeReady = readme !== undefined && hasMarkers(readme)
if (!readmeReady) {
  console.warn(`readme-sync: README.md ${readme === undefined ? 'does not exist' : `has no ${START} … ${END} markers`}; its inputs table is not checked yet.`)
}

describe('README.md', () => {
  ;(readmeReady ? it : it.skip)('matches action.yml (skipped until README.md has the inputs markers)', () => {
    if (currentBlock(readme as string) !== expected) throw new Error(`README.md's inputs/outputs block differs from action.yml: ${FIX}`)
  })
})

describe('docs/README-draft.md', () => {
  const draft = markdown('docs/README-draft.md')
  ;(draft !== undefined && hasMarkers(draft) ? it : it.skip)('matches action.yml', () => {
    if (currentBlock(draft as string) !== expected) throw new Error(`docs/README-draft.md's inputs/outputs block differs from action.yml: ${FIX}`)
  })
})
