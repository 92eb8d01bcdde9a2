import { describe, expect, it } from 'vitest';
import { COPY_LIMIT, copyParts } from './s3-store';

// Copies above CopyObject's 5 GiB go in parts (UploadPartCopy), which s3rver lacks: the plan of
// the parts is checked here, the requests only against a real store.

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('copyParts', () => {
  it('covers every byte once, in order, in parts of 512 MiB with a short last one', () => {
    const size = COPY_LIMIT + 1;
    const parts = copyParts({ size });
    expect(parts).toHaveLength(11);
    expect(parts[0]).toEqual({ partNumber: 1, first: 0, last: 512 * MiB - 1 });
    parts.forEach((p, i) => expect(p.first).toBe(i === 0 ? 0 : parts[i - 1].last + 1));
    expect(parts.at(-1)).toEqual({ partNumber: 11, first: 10 * 512 * MiB, last: size - 1 });
  });

  it('makes the parts bigger rather than more than S3 takes (10,000)', () => {
    const size = 6000 * GiB;
    const parts = copyParts({ size });
    expect(parts.length).toBeLessThanOrEqual(10_000);
    expect(parts.at(-1)!.last).toBe(size - 1);
    expect(Math.max(...parts.slice(0, 10).map((p) => p.last - p.first + 1))).toBeLessThanOrEqual(5 * GiB);
  });
});
