/** Every request either listener received, for assertions such as "how many writes did the action make". */
export interface RequestRecord {
  /** Clock time (ms epoch) when the request arrived. */
  at: number
  method: string
  path: string
  query: Record<string, string>
  /** HTTP status sent; 0 when the connection was reset instead (upload fault). */
  status: number
  host: 'api' | 'upload'
  /** Request body bytes received. */
  bodyBytes: number
  /** Whether an Authorization header was present. */
  authorization: boolean
  durationMs: number
}

export function queryRecord(url: URL): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of url.searchParams) out[k] = k in out ? `${out[k]},${v}` : v
  return out
}
