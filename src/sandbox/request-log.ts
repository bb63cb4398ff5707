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

/** Most of `records` being served at one instant (arrival to answer; at least 1 ms each): how much a client overlapped. */
export function peakOverlap(records: Pick<RequestRecord, 'at' | 'durationMs'>[]): number {
  const edges = records.flatMap(r => [
    [r.at, 1],
    [r.at + Math.max(1, r.durationMs), -1]
  ]) as [number, number][]
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let now = 0
  let peak = 0
  for (const [, d] of edges) peak = Math.max(peak, (now += d))
  return peak
}
