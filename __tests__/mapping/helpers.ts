/** Temp workspaces for mapping tests: a tree of small files plus a mapping file. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { jest } from '@jest/globals'
import { ValidationError, type Problem } from '../../src/errors.js'

const created: string[] = []

export async function workspace(files: string[] = [], mapping?: { name?: string; text: string }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mapping-test-'))
  created.push(dir)
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  }
  if (mapping) await writeFile(join(dir, mapping.name ?? 'app-store-assets.yml'), mapping.text)
  return dir
}

export async function cleanup(): Promise<void> {
  await Promise.all(created.splice(0).map(d => rm(d, { recursive: true, force: true })))
}

/** Runs fn, expects a ValidationError and returns its problems. */
export async function problemsOf(fn: () => Promise<unknown>): Promise<Problem[]> {
  try {
    await fn()
  } catch (err) {
    if (err instanceof ValidationError) return err.problems
    throw err
  }
  throw new Error('expected a ValidationError')
}

/** @actions/glob logs its options through core.debug (stdout "::debug::" lines); keep test output readable. */
export function quietGlobDebug(): void {
  const write = process.stdout.write.bind(process.stdout)
  jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('::debug::') ? true : write(chunk, ...rest)) as typeof process.stdout.write)
}
