import { z } from '@hono/zod-openapi';
import { AGENCIES, OUTCOMES, PRIORITIES, SOURCES } from './occurrences.models';
import { dateTime, line, text as plainText, uniqueArray } from '../../../domain/validation';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (max: number, what: string) => plainText().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`);
const oneLine = (max: number, what: string) => line().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`);
const when = dateTime({ message: 'Enter a date and time' });
const optionalWhen = when.nullable().optional();

export const Source = z.enum(keys(SOURCES));
export const Priority = z.enum(keys(PRIORITIES));
export const Outcome = z.enum(keys(OUTCOMES), { message: 'Choose an outcome' });
export const AgencyEnum = z.enum(keys(AGENCIES), { message: 'Choose who was told' });

export const IdParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const OpenOccurrence = z.object({
  source: Source,
  categoryId: z.string().uuid('Choose a category'),
  priority: Priority.default('normal'),
  summary: oneLine(200, 'a short description'),
  locationText: line().trim().max(200).optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  cameraIds: uniqueArray(z.string().uuid(), { what: 'camera', max: 50 }).default([]),
  observedAt: optionalWhen,
}).refine((v) => (v.latitude == null) === (v.longitude == null), { message: 'Give both latitude and longitude, or neither', path: ['latitude'] }).openapi('OpenOccurrence');

export const AddEntry = z.object({
  kind: z.enum(['observation', 'action', 'communication']).default('observation'),
  body: text(4000, 'what happened'),
  observedAt: optionalWhen,
}).openapi('AddEntry');

export const NotifyAgency = z.object({
  agency: AgencyEnum,
  agencyReference: line().trim().max(60, 'Keep the reference to 60 characters or fewer').optional(),
  notifiedAt: optionalWhen,
  body: plainText().trim().max(4000).optional(),
}).openapi('NotifyAgency');

export const MarkFootage = z.object({ cameraId: z.string().uuid('Choose a camera'), from: when, to: when, body: plainText().trim().max(4000).optional() }).openapi('MarkFootage');
export const Amend = z.object({ entryId: z.string().uuid(), body: text(4000, 'the correction'), reason: text(1000, 'the reason for the correction') }).openapi('AmendEntry');
export const AddCameras = z.object({ cameraIds: uniqueArray(z.string().uuid(), { what: 'camera', max: 50 }).min(1, 'Choose at least one camera') });
export const TickStep = z.object({ stepId: z.string().uuid(), body: plainText().trim().max(1000).optional() });
export const Close = z.object({ outcome: Outcome, body: plainText().trim().max(4000).optional(), skipReason: plainText().trim().max(1000).optional() }).openapi('CloseOccurrence');
export const Reopen = z.object({ reason: text(1000, 'why it is being reopened') });
export const PersonalData = z.object({
  name: line().trim().max(200).optional(),
  details: plainText().trim().max(2000).optional(),
}).refine((v) => !!v.name || !!v.details, { message: 'Enter a name or details', path: ['name'] });
export const PersonalDataParams = z.object({
  id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }),
  pdId: z.string().uuid().openapi({ param: { name: 'pdId', in: 'path' } }),
});
export const RemovePersonalData = z.object({
  reason: plainText({ message: 'Enter why it is being removed' }).trim().min(3, 'Enter why it is being removed (at least 3 characters)').max(1000, 'Keep the reason to 1000 characters or fewer'),
}).openapi('RemovePersonalData');
export const Share = z.object({ organisationId: z.string().uuid('Choose an organisation') });
