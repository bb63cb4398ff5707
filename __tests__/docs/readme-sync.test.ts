/**
 * The README's inputs and outputs are generated from action.yml (scripts/readme-inputs.ts); this
 * fails when the block between <!-- inputs:start --> and <!-- inputs:end --> differs from it.
 * Fix: npx tsx scripts/readme-inputs.ts README.md
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { currentBlock, END, hasMarkers, renderInputsBlock, replaceBlock, ROOT, START } from '../../scripts/readme-inputs.js'

const actionYml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
const expected = renderInputsBlock(actionYml)
const FIX = 'run `npx tsx scripts/readme-inputs.ts README.md` and commit the result'

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

const readme = markdown('README.md') ?? ''

describe('README.md', () => {
  it('has the generated inputs and outputs block, matching action.yml', () => {
    expect(hasMarkers(readme)).toBe(true)
    if (currentBlock(readme) !== expected) throw new Error(`README.md's inputs/outputs block differs from action.yml: ${FIX}`)
  })

  it('opens with the two set-up commands', () => {
    const [first, second] = readme.split('\n').filter(l => l.startsWith('npm '))
    expect(first).toMatch(/^npm ci && npm run demo/)
    expect(second).toMatch(/^npm ci && npm test/)
  })
})
