import { z } from 'zod';
import { isValidDay } from '../calendar/london';
import { line, text, calendarDay } from '../validation';

// Parish and town council contracts (field.lead): what each council buys a month, and the monthly
// billing report (patrol time, visits and notices on each contract's patrols, against the contract).

const day = calendarDay();
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter a month as YYYY-MM').refine((m) => isValidDay(`${m}-01`) && m >= '1900-01' && m <= '2100-12', 'Enter a month between 1900 and 2100, as YYYY-MM');

export const ParishContract = z.object({
  id: z.uuid(), parishId: z.uuid(), label: z.string(), name: z.string().describe('The parish, and the contract’s label where it has one'),
  hoursPerMonth: z.number(), visitsPerMonth: z.number().int(), validFrom: z.string(), validTo: z.string().nullable(), notes: z.string(),
}).meta({ id: 'FieldParishContract' });
export type ParishContract = z.infer<typeof ParishContract>;
export const Parish = z.object({ id: z.uuid(), name: z.string(), contact: z.string(), notes: z.string(), contracts: z.array(ParishContract) }).meta({ id: 'FieldParish' });
export type Parish = z.infer<typeof Parish>;
export const Parishes = z.object({ items: z.array(Parish) }).meta({ id: 'FieldParishes' });

export const AddParish = z.object({
  name: line().trim().min(1, 'Enter the parish or town council’s name').max(200),
  contact: line().trim().max(300).default(''),
  notes: text().trim().max(2000).default(''),
}).meta({ id: 'FieldAddParish' });

const hours = z.number().min(0, 'Enter 0 or more hours').max(744, 'A month has at most 744 hours').refine((h) => Number.isInteger(h * 4), 'Enter hours in quarters (1.25, 1.5…)');
export const SaveParishContract = z.object({
  label: line().trim().max(200).default(''),
  hoursPerMonth: hours,
  visitsPerMonth: z.number().int('Enter a whole number of visits').min(0).max(10000),
  validFrom: day,
  validTo: day.nullable().default(null),
  notes: text().trim().max(2000).default(''),
}).refine((c) => !c.validTo || c.validTo >= c.validFrom, { path: ['validTo'], message: 'The end date is before the start date' }).meta({ id: 'FieldSaveParishContract' });
export type SaveParishContract = z.output<typeof SaveParishContract>;
export const AddParishContract = SaveParishContract.and(z.object({ parishId: z.uuid() })).meta({ id: 'FieldAddParishContract' });

export const ParishReportQuery = z.object({ month: Month }).meta({ id: 'FieldParishReportQuery' });
export const ParishReportRow = z.object({
  contract: z.object({ id: z.uuid(), name: z.string(), validFrom: z.string(), validTo: z.string().nullable() }),
  patrolMinutes: z.number().int(), visits: z.number().int(),
  notices: z.object({ pcn: z.number().int(), fpn: z.number().int(), defect: z.number().int(), asb: z.number().int(), inspection: z.number().int() }),
  contractedMinutes: z.number().int(), contractedVisits: z.number().int(), minutesDifference: z.number().int(), visitsDifference: z.number().int(),
  hoursPercent: z.number().int().nullable(),
}).meta({ id: 'FieldParishReportRow' });
export const ParishReport = z.object({ month: z.string(), from: z.string(), to: z.string(), rows: z.array(ParishReportRow) }).meta({ id: 'FieldParishReport' });
export type ParishReport = z.infer<typeof ParishReport>;
