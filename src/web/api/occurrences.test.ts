import { afterEach, describe, expect, it, vi } from 'vitest';
import { cameraMapPointsQuery, mapPointOf } from './occurrences';
import { cameraMapQuery } from './estate';

// The new occurrence's map of cameras: the whole estate, not the first page of the register.

afterEach(() => vi.unstubAllGlobals());

describe('the new occurrence map’s cameras', () => {
  it('are the estate map’s data (every camera in service, one reply shared with the register’s map), not the paged register', () => {
    expect(cameraMapPointsQuery.queryKey).toEqual(cameraMapQuery(false).queryKey);
  });
  it('ask the estate map endpoint, not the register’s list', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const queryFn = cameraMapPointsQuery.queryFn as (context: unknown) => Promise<unknown>;
    expect(await queryFn({ queryKey: cameraMapPointsQuery.queryKey, signal: new AbortController().signal, meta: undefined })).toEqual([]);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toMatch(/^\/api\/v1\/cameras\/map(\?|$)/);
  });
  it('are drawn as points with their number and status', () => {
    const item = {
      id: '00000000-0000-4000-8000-000000000031', reference: 'C31', name: 'Market Place', lat: 52.8, lon: -1.63, kind: 'ptz' as const, status: 'faulty' as const,
      bearing: 90, fov: 60, range: 80, owner: 'council' as const, ward: 'Town',
    };
    expect(mapPointOf(item)).toEqual({ id: item.id, reference: 'C31', latitude: 52.8, longitude: -1.63, status: 'faulty' });
    expect(cameraMapPointsQuery.select!([item])).toEqual([mapPointOf(item)]);
  });
});
