/**
 * Upload operations and their signed URLs. Like Apple's blobstore URLs, each carries `Expires` (Unix
 * seconds) and a `Signature` (HMAC over path + Expires with a server secret), so the upload host needs
 * no token and refuses tampered or expired URLs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { UploadOperation } from '../model.js'
import type { SandboxContext } from './context.js'
import { contentTypeFor } from './media-kinds.js'
import type { AssetRecord, PartRecord } from './store.js'

export function signature(secret: Buffer, path: string, expires: number): string {
  return createHmac('sha256', secret).update(`${path}\n${expires}`).digest('hex')
}

export function signatureMatches(secret: Buffer, path: string, expires: number, given: string): boolean {
  const want = Buffer.from(signature(secret, path, expires), 'hex')
  const got = Buffer.from(given, 'hex')
  return got.length === want.length && timingSafeEqual(got, want)
}

/** Splits a file into parts of partSize bytes, the last part holding the remainder. */
export function planParts(fileSize: number, partSize: number): PartRecord[] {
  const parts: PartRecord[] = []
  for (let offset = 0, n = 1; offset < fileSize; offset += partSize, n++) {
    parts.push({ partNumber: n, offset, length: Math.min(partSize, fileSize - offset), receivedBytes: null })
  }
  return parts
}

export function uploadPath(assetId: string, partNumber: number): string {
  return `/upload/${assetId}/${partNumber}`
}

export function uploadOperations(ctx: SandboxContext, asset: AssetRecord): UploadOperation[] {
  const contentType = asset.mimeType ?? contentTypeFor(asset.fileName) ?? 'application/octet-stream'
  return asset.parts.map(p => {
    const path = uploadPath(asset.id, p.partNumber)
    const sig = signature(ctx.uploadSecret, path, asset.uploadExpires)
    return {
      method: 'PUT',
      url: `${ctx.uploadBase}${path}?Expires=${asset.uploadExpires}&Signature=${sig}&partNumber=${p.partNumber}`,
      length: p.length,
      offset: p.offset,
      requestHeaders: [{ name: 'Content-Type', value: contentType }]
    }
  })
}
