/**
 * Runs one glob inside the workspace and returns the files it selects, in upload order. Only regular
 * files whose real path stays inside the workspace are returned: a symlink must not be able to
 * upload (or leak the name of) a file from elsewhere on the runner.
 */
import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { create } from '@actions/glob'

const IS_WINDOWS = process.platform === 'win32'
const GLOB_CHARS = /[*?[\]]/

export interface MatchResult {
  files: string[]
  /** Problems about single matched files: path (absolute) and what is wrong with it. */
  rejected: { path: string; message: string }[]
}

/** Same escaping as @actions/glob's Pattern.globEscape, so a workspace path with [ * ? stays literal. */
function globEscape(s: string): string {
  return (IS_WINDOWS ? s : s.replace(/\\/g, '\\\\'))
    .replace(/(\[)(?=[^/]+\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]')
}

/** Sorts numbers by value (2 before 10) and ignores case, ties broken by plain code-unit order. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** The literal directory a glob starts from; files sort by their path below it. */
function baseSegments(pattern: string): { base: string[]; globbed: string[] } {
  const segments = pattern.split('/').filter(s => s !== '' && s !== '.')
  let n = segments.findIndex(s => GLOB_CHARS.test(s))
  if (n < 0) n = segments.length - 1
  return { base: segments.slice(0, n), globbed: segments.slice(n) }
}

async function globFiles(workspace: string, pattern: string): Promise<string[]> {
  const globber = await create(`${globEscape(workspace)}/${pattern}`, {
    followSymbolicLinks: false,
    matchDirectories: false,
    implicitDescendants: false
  })
  return globber.glob()
}

async function checkFile(path: string, workspace: string, root: string): Promise<string | { real: string }> {
  if (!isInside(workspace, path)) return 'is outside the workspace'
  let real: string
  try {
    real = await realpath(path)
  } catch {
    return 'is a broken symbolic link'
  }
  if (!isInside(root, real)) return `resolves outside the workspace (to ${real}); only files inside the workspace are uploaded`
  // followSymbolicLinks: false reports a symlink to a directory as a file; only regular files are media.
  return (await stat(real)).isFile() ? { real } : 'is not a regular file'
}

/**
 * `pattern` is relative to the workspace with `{locale}` already substituted. `root` is the
 * workspace's realpath (the workspace itself may sit behind a symlink, e.g. /var → /private/var).
 */
export async function matchFiles(workspace: string, root: string, pattern: string): Promise<MatchResult> {
  const { base, globbed } = baseSegments(pattern)
  // dot: true in @actions/glob would pick up macOS "._name.png" resource forks; hidden files count only when asked for.
  const allowHidden = globbed.some(s => s.startsWith('.'))
  const baseDir = join(workspace, ...base)
  const rejected: MatchResult['rejected'] = []
  const accepted: { path: string; key: string }[] = []
  const seenReal = new Map<string, string>()
  for (const path of await globFiles(workspace, pattern)) {
    const key = relative(baseDir, path).split(sep).join('/')
    if (!allowHidden && key.split('/').some(s => s.startsWith('.'))) continue
    const checked = await checkFile(path, workspace, root)
    if (typeof checked === 'string') {
      rejected.push({ path, message: checked })
      continue
    }
    const twin = seenReal.get(checked.real)
    if (twin !== undefined) {
      rejected.push({ path, message: `is the same file as ${relative(workspace, twin)}; a set must not hold a file twice` })
      continue
    }
    seenReal.set(checked.real, path)
    accepted.push({ path, key })
  }
  accepted.sort((a, b) => naturalCompare(a.key, b.key))
  return { files: accepted.map(a => a.path), rejected }
}
