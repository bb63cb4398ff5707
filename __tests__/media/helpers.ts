/** Shared paths and temp-dir handling for the media tests. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const FIXTURES = fileURLToPath(new URL('../fixtures/media/', import.meta.url))
export const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url))
export const fixture = (name: string): string => join(FIXTURES, name)

/** A fresh temp dir per test file, removed afterwards (padded MP4s are big, if sparse). */
export function useTempDir(): () => string {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'media-test-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return () => dir
}
