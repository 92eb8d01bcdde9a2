import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { fileObjectStore } from './file-store';
import { s3ClientFor, s3ObjectStore } from './s3-store';
import type { ObjectStore } from './storage';

export { fileObjectStore, writeChunks } from './file-store';
export { s3ObjectStore } from './s3-store';
export { ObjectIntegrityError, sha256Of, type ObjectStore, type StoredObject, type PutOptions, type ObjectCheck, type ByteStream } from './storage';

/**
 * The store the configuration names: the bucket in VIGIL_S3_* when set, else files under
 * VIGIL_DATA_DIR/objects. (Here rather than in storage.ts, which both stores import.)
 */
export function createObjectStore({ config, log }: { config: Pick<Config, 's3' | 'dataDir'>; log?: Pick<Logger, 'warn'> }): ObjectStore {
  if (!config.s3) return fileObjectStore({ root: path.join(config.dataDir, 'objects') });
  const { bucket, prefix, objectLockDays } = config.s3;
  return s3ObjectStore({ client: s3ClientFor(config.s3), bucket, prefix, objectLockDays, scratchDir: path.join(config.dataDir, 'tmp', 'object-copies'), log });
}
