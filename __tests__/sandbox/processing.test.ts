import { imageInfo, processPreview, processScreenshot } from '../../src/sandbox/processing.js'
import type { ByteSource } from '../../src/sandbox/part-store.js'
import { makePng } from './png.js'

const source = (b: Buffer): ByteSource => ({ size: b.length, read: async (o, l) => b.subarray(o, o + l) })

/** SOI, an APP0 segment, SOF0 with the given size, EOI: enough for a header parser. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0])
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])])
}

test('reads PNG and JPEG sizes and alpha', async () => {
  expect(await imageInfo(source(makePng(12, 34)))).toEqual({ format: 'png', width: 12, height: 34, alpha: false })
  expect((await imageInfo(source(makePng(5, 5, { alpha: true }))))!.alpha).toBe(true)
  expect((await imageInfo(source(makePng(5, 5, { trns: true }))))!.alpha).toBe(true)
  expect(await imageInfo(source(jpeg(1290, 2796)))).toEqual({ format: 'jpeg', width: 1290, height: 2796, alpha: false })
  expect(await imageInfo(source(Buffer.from('GIF89a....')))).toBeNull()
})

test('screenshot verdicts: accepted size, landscape, extension mismatch', async () => {
  expect((await processScreenshot(source(jpeg(1290, 2796)), 'a.jpg', 'APP_IPHONE_67')).state).toBe('COMPLETE')
  expect((await processScreenshot(source(jpeg(2796, 1290)), 'a.jpeg', 'APP_IPHONE_67')).state).toBe('COMPLETE')
  expect((await processScreenshot(source(jpeg(1290, 2796)), 'a.png', 'APP_IPHONE_67')).errors[0]!.code).toBe('IMAGE_TOOL_FAILURE')
  expect((await processScreenshot(source(jpeg(800, 1280)), 'mac.jpg', 'APP_DESKTOP')).errors[0]!.code).toBe('IMAGE_INCORRECT_DIMENSIONS')
  expect((await processScreenshot(source(jpeg(1280, 800)), 'mac.jpg', 'APP_DESKTOP')).state).toBe('COMPLETE')
})

test('previews must start with an ftyp box', async () => {
  const ok = Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('ftypqt  '), Buffer.alloc(8)])
  expect((await processPreview(source(ok))).state).toBe('COMPLETE')
  expect((await processPreview(source(Buffer.from('RIFF....AVI ')))).errors[0]!.code).toBe('VIDEO_INVALID_FORMAT')
})
