/**
 * The upload listener, standing in for Apple's blobstore host: signed, expiring PUT URLs, no token
 * allowed, exact part lengths, parts streamed to disk (with an optional bandwidth cap shared by all parts), re-sendable until
 * the asset is committed. Errors are plain text like a blob store's, not JSON:API.
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { SandboxContext } from './context.js'
import { queryRecord, type RequestRecord } from './request-log.js'
import type { AssetRecord, PartRecord } from './store.js'
import type { UploadLink } from './upload-link.js'
import { signatureMatches, uploadPath } from './upload-urls.js'

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

const xml = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`

/** Checks everything that can be checked before reading the body. */
function authorize(ctx: SandboxContext, req: IncomingMessage, url: URL): { asset: AssetRecord; part: PartRecord } {
  if (req.method !== 'PUT') throw new UploadError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.')
  const m = /^\/upload\/([^/]+)\/(\d+)$/.exec(url.pathname)
  if (!m) throw new UploadError(404, 'NoSuchKey', 'The specified key does not exist.')
  const [, assetId, partText] = m as unknown as [string, string, string]
  const partNumber = Number(partText)
  const expires = Number(url.searchParams.get('Expires'))
  const sig = url.searchParams.get('Signature') ?? ''
  if (url.searchParams.get('partNumber') !== partText || !Number.isInteger(expires) || !signatureMatches(ctx.uploadSecret, uploadPath(assetId, partNumber), expires, sig)) {
    throw new UploadError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.')
  }
  if (expires * 1000 < ctx.now()) throw new UploadError(403, 'AccessDenied', 'Request has expired')
  // Apple's upload hosts fail when the App Store Connect token is forwarded to them.
  if (req.headers.authorization !== undefined) throw new UploadError(400, 'InvalidArgument', 'Only one auth mechanism allowed; the upload URL is already signed. Do not send an Authorization header.')
  const asset = ctx.store.assets.get(assetId)
  if (!asset) throw new UploadError(404, 'NoSuchUpload', 'The specified upload does not exist. The reservation may have been deleted.')
  if (asset.committedAt !== null || asset.outcome !== null) throw new UploadError(409, 'InvalidUploadState', 'The upload was already committed; no more parts can be sent.')
  const part = asset.parts.find(p => p.partNumber === partNumber)
  if (!part) throw new UploadError(404, 'NoSuchUpload', `The upload has no part ${partNumber}.`)
  const declared = req.headers['content-length']
  if (declared === undefined) throw new UploadError(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.')
  if (Number(declared) !== part.length) {
    throw new UploadError(400, 'InvalidPartLength', `Content-Length ${declared} does not match the part length ${part.length} of part ${partNumber}.`)
  }
  return { asset, part }
}

/** Holds each chunk back until the shared upload link has sent it (see UploadLink). */
function throttle(link: UploadLink, bytesPerSec: () => number | undefined) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      const rate = bytesPerSec()
      if (rate && rate > 0) {
        const due = link.delayFor(chunk.length, rate)
        if (due > 1) await sleep(due)
      }
      yield chunk
    }
  }
}

const WRITE_BUFFER_BYTES = 1024 * 1024

async function receive(ctx: SandboxContext, req: IncomingMessage, asset: AssetRecord, part: PartRecord): Promise<number> {
  const temp = await ctx.parts.tempPath(asset.id, part.partNumber)
  let bytes = 0
  // A part that is the whole file is hashed as it arrives (see PartStore.md5).
  const hash = asset.parts.length === 1 ? createHash('md5') : undefined
  const count = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      bytes += chunk.length
      hash?.update(chunk)
      yield chunk
    }
  }
  // A roomy write buffer: with the default 16 KiB, the socket paused after every 64 KiB chunk until the
  // disk write came back through the event loop.
  const sink = createWriteStream(temp, { highWaterMark: WRITE_BUFFER_BYTES })
  try {
    // Whether a part goes through the link is decided when it starts; a part that does follows later changes of the rate.
    if (ctx.options.uploadBandwidthBytesPerSec) await pipeline(req, throttle(ctx.link, () => ctx.options.uploadBandwidthBytesPerSec), count, sink)
    else await pipeline(req, count, sink)
  } catch (e) {
    await ctx.parts.discard(temp)
    throw e
  }
  if (bytes !== part.length) {
    await ctx.parts.discard(temp)
    throw new UploadError(400, 'IncompleteBody', `Received ${bytes} bytes; part ${part.partNumber} needs ${part.length}.`)
  }
  if (!ctx.store.assets.has(asset.id) || asset.committedAt !== null) {
    await ctx.parts.discard(temp)
    throw new UploadError(409, 'InvalidUploadState', 'The upload was committed or deleted while this part was being sent.')
  }
  await ctx.parts.promote(temp, asset.id, part.partNumber)
  part.receivedBytes = bytes
  part.md5 = hash?.digest('hex')
  return bytes
}

/** Fault: read a little of the body, then drop the connection without answering. */
async function resetMidBody(req: IncomingMessage): Promise<number> {
  for await (const chunk of req) {
    req.socket.destroy()
    return (chunk as Buffer).length
  }
  req.socket.destroy()
  return 0
}

export function uploadListener(ctx: SandboxContext, log: (r: RequestRecord) => void) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now()
    const at = ctx.now()
    const url = new URL(req.url ?? '/', ctx.uploadBase)
    const record = (status: number, bodyBytes: number): void =>
      log({ at, method: req.method ?? 'PUT', path: url.pathname, query: queryRecord(url), status, host: 'upload', bodyBytes, authorization: req.headers.authorization !== undefined, durationMs: performance.now() - started })
    let status = 200
    let bodyBytes = 0
    let text = ''
    try {
      const { asset, part } = authorize(ctx, req, url)
      if (ctx.dice.roll('uploadReset', ctx.dice.config.uploadResetRate, 'PUT', url.pathname, 'PUT /upload')) {
        record(0, await resetMidBody(req))
        return
      }
      bodyBytes = await receive(ctx, req, asset, part)
    } catch (e) {
      if (!(e instanceof UploadError)) {
        record(0, bodyBytes) // the client went away mid-body
        if (!res.headersSent) res.destroy()
        return
      }
      status = e.status
      text = xml(e.code, e.message)
    }
    if (ctx.options.uploadLatencyMs > 0) await sleep(ctx.options.uploadLatencyMs)
    res.writeHead(status, text ? { 'Content-Type': 'application/xml' } : { 'Content-Length': '0' })
    res.end(text || undefined)
    record(status, bodyBytes)
  }
}
