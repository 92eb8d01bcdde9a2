import { z } from 'zod';
import { ShiftSection } from '../platform/contract';

// The out-of-hours module's typed contract, shared by the server and the web app. Each area keeps
// its part in a file of its own beside this one; this file is the one the rest of the code imports.

export * from './calls.contract';
export * from './loneWorking.contract';
export * from './buildings.contract';
export * from './incidents.contract';

export const OohShift = z.object({
  at: z.string().describe('When it was read (ISO 8601)'),
  sections: z.array(ShiftSection),
}).meta({ id: 'OohShift' });
export type OohShift = z.infer<typeof OohShift>;
