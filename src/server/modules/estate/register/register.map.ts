// The estate map's cache validator and its data. The register changes only by insert or update
// (cameras are never deleted) and every update adds one to the camera's version, so the count of
// cameras and the sum of their versions change whenever anything does.

export const mapEtag = ({ stamp, includeDecommissioned }: { stamp: string; includeDecommissioned: boolean }) =>
  `W/"cameras-${stamp}${includeDecommissioned ? '-all' : ''}"`;

/** Whether an If-None-Match header (one ETag, a list, or *) matches ours; weak comparison (RFC 9110 13.1.2). */
export function etagMatches(header: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** A camera's version, as the register holds it now. */
export interface CameraStamp { id: string; version: number }
/** A camera's map item: its JSON, and what the cache sorts and filters it by. */
export interface MapItem extends CameraStamp { reference: string; status: string; json: string }

export interface MapSource {
  /** Every camera's id and version: cheap, read on each rebuild to find what changed. */
  versions(): Promise<CameraStamp[]>;
  /** The map items of these cameras, as they stand now. */
  items(ids: readonly string[]): Promise<MapItem[]>;
}

const byReference = (a: MapItem, b: MapItem) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);

/**
 * The map's data, kept camera by camera. The caller reads the register's stamp from the database
 * for every request (a few milliseconds), so a process never serves a register another process has
 * changed since; when the stamp has moved, only the cameras whose version changed are read again
 * (a check marking one camera faulty costs one camera, not 10,000), and the reply is joined from
 * the items held. Its stamp is worked out from the versions it holds, so body and ETag agree.
 */
export class MapDataCache {
  private held = new Map<string, MapItem>();
  private sorted: MapItem[] = [];
  private stamp = '';
  private readonly bodies = new Map<boolean, string>();

  async read({ includeDecommissioned, stamp, source }: { includeDecommissioned: boolean; stamp: string; source: MapSource }): Promise<{ stamp: string; body: string }> {
    if (stamp !== this.stamp) await this.refresh(source);
    let body = this.bodies.get(includeDecommissioned);
    if (body === undefined) {
      const items = includeDecommissioned ? this.sorted : this.sorted.filter((i) => i.status !== 'decommissioned');
      body = `{"items":[${items.map((i) => i.json).join(',')}]}`;
      this.bodies.set(includeDecommissioned, body);
    }
    return { stamp: this.stamp, body };
  }

  private async refresh(source: MapSource) {
    const now = await source.versions();
    const stale = now.filter((c) => this.held.get(c.id)?.version !== c.version).map((c) => c.id);
    const fresh = stale.length ? await source.items(stale) : [];
    // Mostly a camera or two changed in place: swap their items without sorting again.
    const inPlace = now.length === this.held.size && fresh.every((i) => this.held.get(i.id)?.reference === i.reference);
    if (inPlace) {
      const replaced = new Map(fresh.map((i) => [i.id, i]));
      this.sorted = this.sorted.map((i) => replaced.get(i.id) ?? i);
      for (const item of fresh) this.held.set(item.id, item);
    } else {
      const held = new Map<string, MapItem>();
      for (const c of now) { const item = this.held.get(c.id); if (item) held.set(c.id, item); }
      for (const item of fresh) held.set(item.id, item);
      this.held = held;
      this.sorted = [...held.values()].sort(byReference);
    }
    let sum = 0;
    for (const item of this.sorted) sum += item.version;
    this.stamp = `${this.held.size}-${sum}`;
    this.bodies.clear();
  }
}
