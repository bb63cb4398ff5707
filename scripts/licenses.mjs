// Writes dist/licenses.txt: the license of every production dependency bundled into dist/. ncc's own
// --license output lists only the last chunk it writes (mp4box, loaded on demand), so it is built here.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const dirs = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' })
  .split('\n')
  .filter(d => d.includes(`${path.sep}node_modules${path.sep}`))
const seen = new Map()
for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  if (seen.has(pkg.name)) continue
  const file = readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.|$)/i.test(f))
  const text = file && existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), 'utf8').trim() : ''
  seen.set(pkg.name, `${pkg.name}\n${pkg.license ?? 'UNKNOWN'}\n${text}`)
}
const out = [...seen.keys()].sort().map(name => seen.get(name)).join('\n\n') + '\n'
writeFileSync(new URL('../dist/licenses.txt', import.meta.url), out)
console.log(`dist/licenses.txt: ${seen.size} packages`)
