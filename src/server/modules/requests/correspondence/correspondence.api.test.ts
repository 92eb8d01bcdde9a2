import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { signedInAs, testApp, type ApiClient } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { readMessage, startSmtp } from '../../../../../test/support/smtp';
import { LETTER_KEYS } from '../../../../domain/requests/letters';
import { requestInput as anyInput } from '../register/register.walk';

const requestInput: typeof anyInput = (over = {}) => anyInput({ receivedOn: '2026-03-02', ...over });

// Correspondence and letters through the API: letters as PDFs with the request's reference and due
// dates in UK format, e-mailed through a real SMTP server on loopback, files kept and read back.

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let deps: ReturnType<typeof testDeps>;
let app: ReturnType<typeof testApp>['app'];
let officer: ApiClient;
beforeAll(async () => {
  smtp = await startSmtp();
  deps = testDeps({ clock: { now: () => new Date('2026-03-03T10:00:00Z') }, config: { mail: { smtpUrl: smtp.url, from: 'CCTV <cctv@council.test>' } } as never });
  app = testApp(deps).app;
  officer = (await signedInAs(deps, app, ['enforcement_officer'], (await makeOrganisation(deps)).id)).client;
});
afterAll(() => smtp.close());

async function pdfText(bytes: ArrayBuffer | Uint8Array) {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, ' ');
}

async function getBytes(client: ApiClient, path: string) {
  const res = await app.request(path, { headers: { cookie: client.cookie!, 'x-forwarded-for': '10.9.9.9' } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('letters', () => {
  it('makes each letter as a PDF with the reference and the due dates in UK format; the extension letter only once extended', async () => {
    const made = (await officer.post('/api/v1/requests', requestInput({ type: 'sar', receivedOn: '2026-03-02' }))).body;
    const refused = await officer.post(`/api/v1/requests/${made.id}/letters`, { letter: 'extension', send: 'none' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'requests.letter_refused' } });

    const ack = await officer.post(`/api/v1/requests/${made.id}/letters`, { letter: 'acknowledgement' });
    // The version is whatever is latest (the route walk may have saved the shipped wording again in this shared database); the wording is checked below.
    expect(ack).toMatchObject({ status: 201, body: { direction: 'out', letter: 'acknowledgement', templateVersion: expect.any(Number), emailState: null, attachments: [{ type: 'application/pdf' }] } });
    const pdf = await getBytes(officer, `/api/v1/requests/${made.id}/letters/${ack.body.id}/pdf`);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(made.reference);
    expect(text).toContain('We will respond by 2/4/2026'); // one month from 2 March
    expect(text).toContain('received on 2/3/2026');

    expect((await officer.post(`/api/v1/requests/${made.id}/extension`, { reason: 'Six cameras and many hours of footage to review', notifiedOn: '2026-03-03' })).status).toBe(200);
    for (const letter of LETTER_KEYS) {
      const r = await officer.post(`/api/v1/requests/${made.id}/letters`, { letter, send: 'none' });
      expect(r.status).toBe(201);
      const t = await pdfText((await getBytes(officer, `/api/v1/requests/${made.id}/letters/${r.body.id}/pdf`)).bytes);
      expect(t).toContain(made.reference);
      if (letter === 'extension') expect(t).toMatch(/not able to respond by 2\/4\/2026.*Six cameras and many hours of footage to review.*now respond by 2\/6\/2026/);
      if (letter === 'response') expect(t).toMatch(/right to complain to the Information Commissioner's Office \(ICO\)/);
    }
    const events = (await officer.get(`/api/v1/requests/${made.id}`)).body.events.map((e: { kind: string }) => e.kind);
    expect(events.filter((k: string) => k === 'correspondence')).toHaveLength(1 + LETTER_KEYS.length);
  });

  it('e-mails the letter to the requester with the PDF attached, through the relay, and records it sent', async () => {
    const made = (await officer.post('/api/v1/requests', requestInput({ type: 'foi', receivedOn: '2026-03-02', requester: { name: 'Pat Asker', organisation: '', email: 'pat@example.org', phone: '', address: '' } }))).body;
    const sent = await officer.post(`/api/v1/requests/${made.id}/letters`, { letter: 'acknowledgement', send: 'email' });
    expect(sent).toMatchObject({ status: 201, body: { channel: 'email', emailState: 'sent', emailError: null } });
    const [mail] = smtp.received.filter((m) => m.to.includes('pat@example.org'));
    expect(mail).toBeDefined();
    expect(readMessage(mail!.data).subject).toContain(made.reference);
    const part = /Content-Type: application\/pdf[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)/.exec(mail!.data);
    expect(part).not.toBeNull();
    const text = await pdfText(Buffer.from(part![1]!.replace(/\r\n/g, ''), 'base64'));
    expect(text).toContain(made.reference);
    expect(text).toContain('respond by 31/3/2026'); // 20 working days from 2 March (day after receipt is day one)
  });

  it('refuses to e-mail a requester with no address', async () => {
    const made = (await officer.post('/api/v1/requests', requestInput({ requester: { name: 'No Mail', organisation: '', email: '', phone: '', address: '1 High St' } }))).body;
    expect(await officer.post(`/api/v1/requests/${made.id}/letters`, { letter: 'acknowledgement', send: 'email' })).toMatchObject({ status: 409, body: { code: 'requests.letter_refused' } });
  });

  it('uses the latest version an administrator saved, and refuses a template with an unknown placeholder', async () => {
    const { client: admin } = await signedInAs(deps, app, ['admin']);
    const bad = await admin.post('/api/v1/request-letter-templates/refusal', { subject: 'Ref {{reference}}', body: 'Dear {{requestorName}}' });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'body', message: expect.stringMatching(/\{\{requestorName\}\}/) }] } });
    const v = await admin.post('/api/v1/request-letter-templates/refusal', { subject: 'Refused: {{reference}}', body: 'Dear {{requesterName}}, we refuse. {{officerName}}' });
    expect(v).toMatchObject({ status: 201, body: { key: 'refusal', subject: 'Refused: {{reference}}' } });
    const made = (await officer.post('/api/v1/requests', requestInput())).body;
    const letter = await officer.post(`/api/v1/requests/${made.id}/letters`, { letter: 'refusal' });
    expect(letter.body).toMatchObject({ subject: `Refused: ${made.reference}`, templateVersion: v.body.version });
    const list = await admin.get('/api/v1/request-letter-templates');
    expect(list.body.items.find((t: { key: string }) => t.key === 'refusal')).toMatchObject({ version: v.body.version });
  });
});

describe('correspondence', () => {
  it('keeps files with a letter received, reads them back checked, and lists them', async () => {
    const made = (await officer.post('/api/v1/requests', requestInput())).body;
    const bytes = new TextEncoder().encode('Please find my passport copy enclosed.');
    const up = await officer.request('POST', '/api/v1/requests/correspondence-files', new TextDecoder().decode(bytes), { 'content-type': 'text/plain' });
    expect(up).toMatchObject({ status: 201, body: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: bytes.length } });
    expect((await officer.request('POST', '/api/v1/requests/correspondence-files', 'MZ', { 'content-type': 'application/x-msdownload' })).status).toBe(415);
    const missing = await officer.post(`/api/v1/requests/${made.id}/correspondence`, { direction: 'in', channel: 'post', subject: 'ID', attachments: [{ sha256: 'a'.repeat(64), name: 'x.txt', type: 'text/plain' }] });
    expect(missing).toMatchObject({ status: 400, body: { errors: [{ path: 'attachments.0.sha256' }] } });
    const rec = await officer.post(`/api/v1/requests/${made.id}/correspondence`, {
      direction: 'in', channel: 'post', subject: 'Photo ID enclosed', counterpart: 'Alex Requester', on: '2026-03-03',
      attachments: [{ sha256: up.body.sha256, name: 'passport.txt', type: 'text/plain' }],
    });
    expect(rec).toMatchObject({ status: 201, body: { direction: 'in', channel: 'post', attachments: [{ sha256: up.body.sha256, name: 'passport.txt', size: bytes.length }] } });
    const file = await getBytes(officer, `/api/v1/requests/${made.id}/correspondence/${rec.body.id}/attachments/${up.body.sha256}`);
    expect(file.status).toBe(200);
    expect(new TextDecoder().decode(file.bytes)).toBe('Please find my passport copy enclosed.');
    // A file not kept with this item is not served through it.
    expect((await getBytes(officer, `/api/v1/requests/${made.id}/correspondence/${rec.body.id}/attachments/${'b'.repeat(64)}`)).status).toBe(404);
    const list = await officer.get(`/api/v1/requests/${made.id}/correspondence`);
    expect(list.body.items).toHaveLength(1);
    const detail = (await officer.get(`/api/v1/requests/${made.id}`)).body;
    expect(detail.events.at(-1)).toMatchObject({ kind: 'correspondence' });
  });
});
