// An area to search in, as the API takes it: "south,west,north,east" in degrees. Kept apart from the
// map so that pages can read and write it without loading the map.

export interface Area { south: number; west: number; north: number; east: number }

export const formatArea = (a: Area) => [a.south, a.west, a.north, a.east].join(',');

export function parseArea(v: string): Area | undefined {
  const n = v.split(',').map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return undefined;
  const [south, west, north, east] = n;
  return south <= north && west <= east && Math.abs(south) <= 90 && Math.abs(north) <= 90 ? { south, west, north, east } : undefined;
}
