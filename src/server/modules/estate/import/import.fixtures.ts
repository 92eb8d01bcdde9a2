import { randomBytes, randomInt } from 'node:crypto';

// A register of a test's own: camera numbers no other test uses, at a spot of its own (away from
// Burton, where the demo and other tests put their cameras), so tests sharing one database never
// see one another's cameras as "the same point".

export function aRegister() {
  const prefix = `I${randomBytes(4).toString('hex').toUpperCase()}`;
  const base = { latitude: 50.9 + randomInt(1_000_000) / 1e6 * 1.4, longitude: -3.5 + randomInt(1_000_000) / 1e6 * 3 };
  /** The i-th camera's point: 100 m apart along a line north. */
  const at = (i: number, metresNorth = 0) => ({
    latitude: Math.round((base.latitude + (i * 100 + metresNorth) / 111_195) * 1e7) / 1e7, longitude: Math.round(base.longitude * 1e7) / 1e7,
  });
  const number = (i: number) => `${prefix}-${i}`;
  /** One CSV line per camera: number, name, longitude, latitude, and whatever else is given. */
  const csv = (header: string, lines: string[]) => [header, ...lines].join('\r\n') + '\r\n';
  return { prefix, at, number, csv };
}
