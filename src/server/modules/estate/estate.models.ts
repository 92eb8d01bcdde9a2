import type { Camera } from '../../../domain/estate/contract';

export function toCameraDto(c: { id: string; reference: string; name: string; location_text: string; latitude: number; longitude: number; kind: Camera['kind']; status: Camera['status'] }): Camera {
  return { id: c.id, reference: c.reference, name: c.name, location: c.location_text, latitude: c.latitude, longitude: c.longitude, kind: c.kind, status: c.status };
}
