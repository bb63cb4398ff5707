import { describe, expect, it } from '@jest/globals'
import { geoJsonProblems } from '../../src/media/geojson.js'

const ring = [[-122.5, 37.7], [-122.3, 37.7], [-122.3, 37.8], [-122.5, 37.7]]
const fc = (geometry: unknown) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] })

describe('routing app coverage GeoJSON', () => {
  it('accepts a FeatureCollection of Polygon and MultiPolygon features, a Feature, and a bare geometry', () => {
    expect(geoJsonProblems(fc({ type: 'Polygon', coordinates: [ring] }))).toEqual([])
    expect(geoJsonProblems(fc({ type: 'MultiPolygon', coordinates: [[ring], [ring]] }))).toEqual([])
    expect(geoJsonProblems(JSON.stringify({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] } }))).toEqual([])
    expect(geoJsonProblems(JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring]] }))).toEqual([])
    expect(geoJsonProblems(`\uFEFF${fc({ type: 'Polygon', coordinates: [ring] })}`)).toEqual([])
  })

  it('rejects what is not JSON or not GeoJSON', () => {
    expect(geoJsonProblems('{"type": ')[0]).toMatch(/^is not valid JSON/)
    expect(geoJsonProblems('[1, 2]')[0]).toMatch(/not GeoJSON/)
    expect(geoJsonProblems('{"type": "FeatureCollection"}')[0]).toMatch(/without a "features" list/)
    expect(geoJsonProblems('{"type": "FeatureCollection", "features": []}')[0]).toMatch(/no features/)
  })

  it('names the geometry that is not a region', () => {
    expect(geoJsonProblems(fc({ type: 'Point', coordinates: [1, 2] }))).toEqual(['features[0].geometry is a Point; routing app coverage takes only Polygon or MultiPolygon regions'])
    expect(geoJsonProblems(fc(null))).toEqual(['features[0].geometry is missing or has no "type"'])
  })

  it('checks positions: numbers, in range, closed rings of four or more', () => {
    expect(geoJsonProblems(fc({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }))[0]).toMatch(/coordinates\[0\] must be a closed ring of at least 4 positions/)
    expect(geoJsonProblems(fc({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }))[0]).toMatch(/is not closed/)
    expect(geoJsonProblems(fc({ type: 'Polygon', coordinates: [[[0, 0], ['1', 0], [1, 1], [0, 0]]] }))[0]).toMatch(/coordinates\[0\]\[1\] must hold numbers/)
    expect(geoJsonProblems(fc({ type: 'Polygon', coordinates: [[[0, 0], [200, 0], [1, 1], [0, 0]]] }))[0]).toMatch(/longitude 200, outside/)
    expect(geoJsonProblems(fc({ type: 'Polygon', coordinates: [[[0, 0], [1, 95], [1, 1], [0, 0]]] }))[0]).toMatch(/latitude 95, outside/)
    expect(geoJsonProblems(fc({ type: 'MultiPolygon', coordinates: [] }))[0]).toMatch(/non-empty list of polygons/)
  })
})
