/**
 * Routing app coverage validation, before any write: the file must be JSON, GeoJSON, and describe
 * regions — a FeatureCollection of Polygon / MultiPolygon features (or a single such Feature or
 * geometry) whose coordinates are numbers in range, with closed rings of at least four positions.
 * Each problem names what is wrong and where (e.g. features[2].geometry.coordinates[0][3]).
 */

const POLYGONAL = new Set(['Polygon', 'MultiPolygon'])

/** Problems with GeoJSON text; [] when it is a usable routing coverage. At most `max` problems. */
export function geoJsonProblems(text: string, max = 10): string[] {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return [`is not valid JSON (${(e as Error).message}); a routing app coverage file must be GeoJSON`]
  }
  const out: string[] = []
  const push = (m: string) => {
    if (out.length < max) out.push(m)
  }
  if (!isObject(data) || typeof data.type !== 'string') return ['is JSON but not GeoJSON: the top level must be an object with a "type" (FeatureCollection)']
  const geometries: { at: string; geometry: unknown }[] = []
  if (data.type === 'FeatureCollection') {
    if (!Array.isArray(data.features)) return ['is a FeatureCollection without a "features" list']
    if (data.features.length === 0) return ['is a FeatureCollection with no features; it must describe at least one region (Polygon or MultiPolygon)']
    data.features.forEach((f, i) => {
      if (!isObject(f) || f.type !== 'Feature') push(`features[${i}] is not a Feature`)
      else geometries.push({ at: `features[${i}].geometry`, geometry: f.geometry })
    })
  } else if (data.type === 'Feature') geometries.push({ at: 'geometry', geometry: data.geometry })
  else geometries.push({ at: 'the top level', geometry: data })
  for (const { at, geometry } of geometries) checkGeometry(geometry, at, push)
  return out
}

function checkGeometry(g: unknown, at: string, push: (m: string) => void): void {
  if (!isObject(g) || typeof g.type !== 'string') return push(`${at} is missing or has no "type"`)
  if (!POLYGONAL.has(g.type)) return push(`${at} is a ${g.type}; routing app coverage takes only Polygon or MultiPolygon regions`)
  const coords = g.coordinates
  if (g.type === 'Polygon') return checkPolygon(coords, `${at}.coordinates`, push)
  if (!Array.isArray(coords) || coords.length === 0) return push(`${at}.coordinates must be a non-empty list of polygons`)
  coords.forEach((p, i) => checkPolygon(p, `${at}.coordinates[${i}]`, push))
}

function checkPolygon(rings: unknown, at: string, push: (m: string) => void): void {
  if (!Array.isArray(rings) || rings.length === 0) return push(`${at} must be a non-empty list of linear rings`)
  rings.forEach((ring, r) => {
    const where = `${at}[${r}]`
    if (!Array.isArray(ring) || ring.length < 4) return push(`${where} must be a closed ring of at least 4 positions`)
    for (let i = 0; i < ring.length; i++) {
      const problem = positionProblem(ring[i])
      if (problem) return push(`${where}[${i}] ${problem}`)
    }
    const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]]
    if (first[0] !== last[0] || first[1] !== last[1]) push(`${where} is not closed: its first and last positions differ`)
  })
}

function positionProblem(p: unknown): string | undefined {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return 'must be a position [longitude, latitude]'
  if (!p.every(n => typeof n === 'number' && Number.isFinite(n))) return `must hold numbers, not ${JSON.stringify(p)}`
  const [lon, lat] = p as number[]
  if (lon! < -180 || lon! > 180) return `has longitude ${lon}, outside −180…180`
  if (lat! < -90 || lat! > 90) return `has latitude ${lat}, outside −90…90`
  return undefined
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
