// The estate map's cache validator. The register changes only by insert or update (cameras are
// never deleted) and every update adds one to the camera's version, so the count of cameras and
// the sum of their versions change whenever anything does.

export const mapEtag = ({ stamp, includeDecommissioned }: { stamp: string; includeDecommissioned: boolean }) =>
  `W/"cameras-${stamp}${includeDecommissioned ? '-all' : ''}"`;

/** Whether an If-None-Match header (one ETag, a list, or *) matches ours; weak comparison (RFC 9110 13.1.2). */
export function etagMatches(header: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/**
 * The map's data as last built, per view, with the stamp it was built at. The caller reads the
 * stamp from the database for every request (a few milliseconds), so a process never serves a register another
 * process has changed since: this only saves rebuilding 10,000 cameras' JSON while nothing changed.
 */
export class MapDataCache {
  private readonly built = new Map<boolean, { stamp: string; body: string }>();

  async read({ includeDecommissioned, stamp, build }: {
    includeDecommissioned: boolean; stamp: string; build: () => Promise<{ stamp: string; body: string }>;
  }): Promise<{ stamp: string; body: string }> {
    const hit = this.built.get(includeDecommissioned);
    if (hit?.stamp === stamp) return hit;
    const fresh = await build();
    this.built.set(includeDecommissioned, fresh);
    return fresh;
  }
}
