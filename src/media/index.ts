/** Local media facts and pre-flight checks. Test/bench helpers (png-writer, padded-mp4) are imported by path. */
export { MediaError, type MediaErrorReason } from './media-error.js'
export { probeImage, type ImageInfo } from './image.js'
export { probeVideo, type VideoInfo } from './video.js'
export { hashFile, describeFile, ensureHashed, hashLoaded, readRange, mimeTypeFor, toDisplayPath, READ_CHUNK_BYTES } from './files.js'
export { checkScreenshot, checkPreview } from './checks.js'
export { crc32 } from './crc32.js'
