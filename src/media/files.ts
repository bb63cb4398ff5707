/**
 * File facts every asset needs (size, MD5, names) and the byte-range reader the uploader streams
 * parts from. Everything streams: previews can be 500 MB and several run at once.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { basename, extname, relative, sep } from 'node:path'
import { Readable } from 'node:stream'
import type { LocalAsset } from '../model.js'
import { scratchBuffers } from './buffer-pool.js'
import { HashPool, type FileHashes } from './hash-pool.js'

/** Per-read buffer: big enough for few syscalls, small enough that parallel uploads stay lean. */
export const READ_CHUNK_BYTES = 256 * 1024

/** Hashing reads through one buffer per call (no stream, no per-chunk allocation): a 500 MB preview stays flat in memory. */
export const HASH_CHUNK_BYTES = 1024 * 1024

/** Several files hashed at once share the machine's cores (see hash-pool). */
const hashPool = new HashPool()

/**
 * Lower-case hex MD5 (and, when asked, SHA-256) of the whole file, in one read pass through a single
 * reused buffer, on a worker thread when another file is being hashed already. SHA-256 is only for the
 * asset library's content marker: sets mode skips its cost.
 */
export function hashFile(path: string, withSha256 = true): Promise<FileHashes> {
  return hashPool.run(path, withSha256, () => hashHere(path, withSha256))
}

async function hashHere(path: string, withSha256: boolean): Promise<FileHashes> {
  const md5 = createHash('md5')
  const sha256 = withSha256 ? createHash('sha256') : undefined
  const fh = await open(path, 'r')
  let buf: Buffer | undefined
  try {
    const size = (await fh.stat()).size
    buf = scratchBuffers.take(Math.max(1, Math.min(HASH_CHUNK_BYTES, size)))
    for (let pos = 0; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos)
      if (bytesRead === 0) break
      const view = buf.subarray(0, bytesRead)
      md5.update(view)
      sha256?.update(view)
      pos += bytesRead
    }
  } finally {
    if (buf) scratchBuffers.give(buf)
    await fh.close()
  }
  return sha256 ? { md5: md5.digest('hex'), sha256: sha256.digest('hex') } : { md5: md5.digest('hex') }
}

/**
 * `path` may be absolute or relative to the process; displayPath is relative to `workspace`.
 * `hash: false` leaves the hashes to `ensureHashed`, so a run that only uploads does not read every
 * file before its first request.
 */
export async function describeFile(path: string, workspace: string, options: { hash?: boolean; sha256?: boolean } = {}): Promise<LocalAsset> {
  const info = await stat(path)
  if (!info.isFile()) throw new Error(`${path} is not a regular file`)
  const local: LocalAsset = { path, displayPath: toDisplayPath(path, workspace), fileName: basename(path), size: info.size }
  return options.hash === false ? local : ensureHashed(local, options.sha256 ?? true)
}

/** ensureHashed for a file already read whole into memory: its MD5 without a second read. */
export function hashLoaded(local: LocalAsset, bytes: Buffer): LocalAsset {
  local.md5 ??= createHash('md5').update(bytes).digest('hex')
  return local
}

const hashing = new WeakMap<LocalAsset, Promise<LocalAsset>>()

/** Fills in `local.md5` (and `sha256` when asked), reading the file once however many callers ask. */
export function ensureHashed(local: LocalAsset, withSha256 = false): Promise<LocalAsset> {
  if (local.md5 && (!withSha256 || local.sha256)) return Promise.resolve(local)
  const pending = hashing.get(local)
  if (pending && !withSha256) return pending
  const next = hashFile(local.path, withSha256).then(h => Object.assign(local, h))
  hashing.set(local, next)
  return next
}

/** Workspace-relative with forward slashes (what users see in annotations on every OS). */
export function toDisplayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path)
  // Outside the workspace a ../../ path is less useful than the absolute one.
  const shown = rel === '' || rel.startsWith('..') ? path : rel
  return shown.split(sep).join('/')
}

/** Streams bytes [offset, offset + length) of a file: one upload part, never the whole file. */
export function readRange(path: string, offset: number, length: number): Readable {
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(length) || length < 0) {
    throw new RangeError(`readRange: offset ${offset} and length ${length} must be non-negative integers`)
  }
  // createReadStream's `end` is inclusive and cannot express an empty range.
  if (length === 0) return Readable.from([])
  return createReadStream(path, { start: offset, end: offset + length - 1, highWaterMark: READ_CHUNK_BYTES })
}

const MIME_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.mp4': 'video/mp4',
  '.m4v': 'video/x-m4v',
  '.mov': 'video/quicktime'
}

/** By extension (case-insensitive); application/octet-stream for anything else. */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream'
}
