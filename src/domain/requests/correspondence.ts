import { z } from 'zod';
import { line, text } from '../validation';
import { instant, sha256Hex } from '../primitives';
import { isValidDay } from '../calendar/london';
import { LETTER_KEYS, LETTER_NAMES, PLACEHOLDERS } from './letters';

// Correspondence with requesters and letters generated from templates: the contract between server
// and web app. The wording and placeholders are in letters.ts.

export const CORRESPONDENCE_CHANNELS = { email: 'E-mail', post: 'Letter', phone: 'Telephone call', in_person: 'In person', portal: 'Through the app' } as const;
export const DIRECTIONS = { in: 'Received', out: 'Sent' } as const;

/** Files kept with correspondence: what they may be, and how large. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF', 'image/jpeg': 'JPEG image', 'image/png': 'PNG image', 'text/plain': 'Text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document', 'message/rfc822': 'E-mail message',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export const Attachment = z.object({
  sha256: sha256Hex.describe('The file in the object store, by the SHA-256 of its bytes'),
  name: line({ message: 'Enter the file’s name' }).trim().min(1, 'Enter the file’s name').max(200, 'Keep the file name to 200 characters or fewer').describe('The file’s name as uploaded'),
  type: z.enum(Object.keys(ATTACHMENT_TYPES) as [AttachmentType, ...AttachmentType[]], { message: 'Attach a PDF, image, text, Word or e-mail file' }).describe('Its media type'),
  size: z.number().int().min(0).optional().describe('Bytes'),
}).meta({ id: 'CorrespondenceAttachment' });
export type Attachment = z.infer<typeof Attachment>;

export const StoredFile = z.object({
  sha256: sha256Hex.describe('Name it by this when recording the correspondence'),
  type: z.string().describe('Its media type'),
  size: z.number().int().describe('Bytes'),
}).meta({ id: 'CorrespondenceFileStored' });

export const RecordCorrespondence = z.object({
  direction: z.enum(['in', 'out'], { message: 'Choose whether it was received or sent' }),
  channel: z.enum(Object.keys(CORRESPONDENCE_CHANNELS) as [keyof typeof CORRESPONDENCE_CHANNELS], { message: 'Choose how it came or went' }),
  subject: line({ message: 'Enter a subject' }).trim().min(2, 'Enter a subject (at least 2 characters)').max(300, 'Keep the subject to 300 characters or fewer'),
  body: text().trim().max(20000, 'Keep the text to 20000 characters or fewer').default(''),
  counterpart: line().trim().max(300, 'Keep who it was with to 300 characters or fewer').default(''),
  on: z.string().refine(isValidDay, 'Enter the day as a real date, YYYY-MM-DD').optional().describe('The day it was received or sent (today when left out)'),
  attachments: z.array(Attachment).max(20, 'Attach 20 files or fewer').default([]),
}).meta({ id: 'RecordCorrespondence' });
export type RecordCorrespondence = z.input<typeof RecordCorrespondence>;

export const LetterKey = z.enum(LETTER_KEYS, { message: `Choose a letter: ${LETTER_KEYS.join(', ')}` });

export const GenerateLetter = z.object({
  letter: LetterKey,
  send: z.enum(['email', 'none'], { message: 'Choose whether to e-mail the letter or only keep it' }).default('none'),
}).meta({ id: 'GenerateLetter' });

export const CorrespondenceItem = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']).describe('in: received; out: sent'),
  channel: z.string().describe('email, post, phone, in_person or portal'),
  letter: LetterKey.nullable().describe('The template a generated letter was made from'),
  templateVersion: z.number().int().nullable().describe('Its version (0: the wording shipped with Vigil)'),
  subject: z.string().describe('Subject'),
  body: z.string().describe('Text'),
  counterpart: z.string().describe('Who it was from or to'),
  attachments: z.array(Attachment).describe('Files kept with it'),
  emailState: z.enum(['queued', 'sent', 'failed']).nullable().describe('A generated letter e-mailed: whether the relay took it'),
  emailError: z.string().nullable().describe('Why the e-mail failed'),
  at: instant.describe('When it was received or sent'),
  by: z.string().nullable().describe('Who recorded it'),
}).meta({ id: 'CorrespondenceItem' });
export type CorrespondenceItem = z.infer<typeof CorrespondenceItem>;

export const CorrespondenceList = z.object({ items: z.array(CorrespondenceItem).describe('Oldest first') }).meta({ id: 'CorrespondenceList' });

export const LetterTemplateInput = z.object({
  subject: line({ message: 'Enter the subject' }).trim().min(2, 'Enter the subject (at least 2 characters)').max(300, 'Keep the subject to 300 characters or fewer'),
  body: text({ message: 'Enter the letter' }).trim().min(2, 'Enter the letter').max(20000, 'Keep the letter to 20000 characters or fewer'),
}).meta({ id: 'LetterTemplateInput' });

export const LetterTemplateView = z.object({
  key: LetterKey, name: z.string().describe('What the letter is for'),
  version: z.number().int().describe('0: the wording shipped with Vigil; 1, 2…: administrators’ versions, the latest in use'),
  subject: z.string().describe('Subject, with placeholders'), body: z.string().describe('Text, with placeholders'),
  updatedAt: instant.nullable().describe('When this version was saved'), updatedBy: z.string().nullable().describe('Who saved it'),
  defaults: z.object({ subject: z.string().describe('Shipped subject'), body: z.string().describe('Shipped text') }).describe('The wording shipped with Vigil'),
}).meta({ id: 'LetterTemplate' });
export type LetterTemplateView = z.infer<typeof LetterTemplateView>;

export const LetterTemplateList = z.object({
  items: z.array(LetterTemplateView).describe('One per letter'),
  placeholders: z.array(z.object({ name: z.string().describe('Write it as {{name}}'), description: z.string().describe('What it becomes') })).describe('What a template may use'),
}).meta({ id: 'LetterTemplates' });

export const PLACEHOLDER_LIST = Object.entries(PLACEHOLDERS).map(([name, description]) => ({ name, description }));
export { LETTER_KEYS, LETTER_NAMES };
