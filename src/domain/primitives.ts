import { z } from 'zod';

// Shapes every module's contract uses. Kept apart from any one contract so that contracts can share
// them without importing one another.

/** An instant as the API writes it: ISO 8601, UTC, shown in London time by the web app. */
export const instant = z.string().meta({ format: 'date-time' });

/** A record as people name it: its id and its readable reference. */
export const Ref = z.object({ id: z.uuid(), reference: z.string() });
export const CameraRef = z.object({ id: z.uuid(), reference: z.string(), name: z.string() });
export const PersonRef = z.object({ id: z.uuid(), name: z.string() });

/** An id in the address (`/api/v1/exhibits/{id}`), with a message that says which. */
export const pathId = (name: string) => z.uuid({ message: `The ${name} in the address is not an id` }).meta({ param: { name, in: 'path' } });

/** A page of a list. */
export const paging = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) };

/** A SHA-256 as hex. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Enter a SHA-256 (64 hexadecimal characters)');
