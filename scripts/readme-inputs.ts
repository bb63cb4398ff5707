/**
 * Keeps the README's table of inputs and outputs equal to action.yml: rewrites the block between
 * <!-- inputs:start --> and <!-- inputs:end --> in the given markdown files (default README.md).
 *   npx tsx scripts/readme-inputs.ts [README.md …]
 * __tests__/docs/readme-sync.test.ts fails while a block differs from what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'yaml'

export const START = '<!-- inputs:start -->'
export const END = '<!-- inputs:end -->'
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface ActionYml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

/** The markdown between the markers (without them), generated from action.yml's text. */
export function renderInputsBlock(actionYml: string): string {
  const action = parse(actionYml) as ActionYml
  const lines = [
    '<!-- Generated from action.yml by `npx tsx scripts/readme-inputs.ts`; do not edit by hand. -->',
    '',
    '### Inputs',
    '',
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |'
  ]
  for (const [name, i] of Object.entries(action.inputs ?? {})) {
    const def = i.default === undefined || i.default === '' ? '' : `\`${cell(String(i.default))}\``
    lines.push(`| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${def} | ${cell(i.description ?? '')} |`)
  }
  lines.push('', '### Outputs', '', '| Output | Description |', '| --- | --- |')
  for (const [name, o] of Object.entries(action.outputs ?? {})) lines.push(`| \`${name}\` | ${cell(o.description ?? '')} |`)
  return lines.join('\n')
}

export interface Markers {
  start: string
  end: string
}

const INPUTS: Markers = { start: START, end: END }

export function hasMarkers(markdown: string, markers: Markers = INPUTS): boolean {
  const s = markdown.indexOf(markers.start)
  return s >= 0 && markdown.indexOf(markers.end, s) > s
}

/** The block currently between the markers, trimmed. */
export function currentBlock(markdown: string): string {
  const s = markdown.indexOf(START) + START.length
  return markdown.slice(s, markdown.indexOf(END, s)).trim()
}

/** The markdown with `block` between the markers (the inputs table's unless others are given). */
export function replaceBlock(markdown: string, block: string, markers: Markers = INPUTS): string {
  if (!hasMarkers(markdown, markers)) throw new Error(`no ${markers.start} … ${markers.end} markers`)
  const s = markdown.indexOf(markers.start) + markers.start.length
  const e = markdown.indexOf(markers.end, s)
  return `${markdown.slice(0, s)}\n${block}\n${markdown.slice(e)}`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const block = renderInputsBlock(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
  const files = process.argv.slice(2).length ? process.argv.slice(2) : ['README.md']
  for (const f of files) {
    const file = path.resolve(f)
    const before = readFileSync(file, 'utf8')
    const after = replaceBlock(before, block)
    if (after !== before) writeFileSync(file, after)
    console.log(`${after === before ? 'up to date' : 'updated'}: ${path.relative(process.cwd(), file)}`)
  }
}
