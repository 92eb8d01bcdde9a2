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
