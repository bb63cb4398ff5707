/** Turns JSON pointers into YAML source positions, so every problem can point at a line and column. */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'

export interface Position {
  line: number
  column: number
}

/** "/screenshots/0/display-type" → ["screenshots", "0", "display-type"] (RFC 6901 unescaping). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return []
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** ["screenshots", "0", "files"] → "screenshots[0].files", the way users read paths. */
export function displayPath(segments: readonly (string | number)[]): string {
  let out = ''
  for (const s of segments) {
    if (typeof s === 'number' || /^\d+$/.test(s)) out += `[${s}]`
    else out += out ? `.${s}` : s
  }
  return out
}

export class SourceLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter
  ) {}

  position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset)
    return { line, column: col }
  }

  /** The node at the pointer, or the nearest ancestor that exists (a missing key points at its parent). */
  nodeAt(segments: readonly string[]): Node | undefined {
    for (let n = segments.length; n >= 0; n--) {
      const node = this.exactNode(segments.slice(0, n))
      if (node?.range) return node
    }
    return undefined
  }

  locate(segments: readonly string[]): Position {
    const node = this.nodeAt(segments)
    return node?.range ? this.position(node.range[0]) : { line: 1, column: 1 }
  }

  /** Where a key of a mapping is written (the key itself, not its value): used for unknown keys. */
  locateKey(segments: readonly string[], key: string): Position {
    const parent = this.exactNode(segments)
    if (isMap(parent)) {
      const pair = parent.items.find(p => isScalar(p.key) && String(p.key.value) === key)
      const keyNode = pair?.key
      if (isScalar(keyNode) && keyNode.range) return this.position(keyNode.range[0])
    }
    return this.locate(segments)
  }

  private exactNode(segments: readonly string[]): Node | undefined {
    let node: unknown = this.doc.contents
    for (const seg of segments) {
      if (isSeq(node)) node = node.items[Number(seg)]
      else if (isMap(node)) node = node.items.find(p => isScalar(p.key) && String(p.key.value) === seg)?.value
      else return undefined
      if (isPair(node)) node = node.value
    }
    return (node ?? undefined) as Node | undefined
  }
}
