/**
 * The one error the media probes throw. `reason` lets callers (pre-flight checks, tests) branch
 * without parsing text; `message` is a plain sentence a user can act on.
 */
export type MediaErrorReason =
  | 'empty'
  | 'not-image'
  | 'unsupported-image'
  | 'corrupt'
  | 'truncated'
  | 'not-video'
  | 'no-video-track'
  | 'unreadable'

export class MediaError extends Error {
  override name = 'MediaError'
  constructor(
    readonly reason: MediaErrorReason,
    message: string
  ) {
    super(message)
  }
}

/** Turns fs errors (ENOENT, EISDIR, EACCES) into MediaError so callers have one thing to catch. */
export function unreadable(path: string, err: unknown): MediaError {
  if (err instanceof MediaError) return err
  const code = (err as NodeJS.ErrnoException)?.code
  const why =
    code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'is not readable (permission denied)' : `could not be read (${code ?? String(err)})`
  return new MediaError('unreadable', `${path} ${why}`)
}
