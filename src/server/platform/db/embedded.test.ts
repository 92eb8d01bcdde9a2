import { expect, it } from 'vitest';
import { defaultSharedBuffersMb } from './embedded';
import { loadConfig } from '../../config';

const GB = 1024 ** 3;

it('gives the embedded PostgreSQL an eighth of the memory for its cache, between 128 MB and 1 GB', () => {
  expect(defaultSharedBuffersMb(0.5 * GB)).toBe(128);
  expect(defaultSharedBuffersMb(4 * GB)).toBe(512);
  expect(defaultSharedBuffersMb(24 * GB)).toBe(1024);
});

it('takes the size from VIGIL_DB_MEMORY_MB when given, and refuses nonsense', () => {
  expect(loadConfig({}).embeddedMemoryMb).toBeUndefined();
  expect(loadConfig({ VIGIL_DB_MEMORY_MB: '256' }).embeddedMemoryMb).toBe(256);
  expect(() => loadConfig({ VIGIL_DB_MEMORY_MB: 'lots' })).toThrow(/VIGIL_DB_MEMORY_MB/);
});
