import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createMailer, describeRelay } from './mail';

// Without a relay nothing is sent: the mailer says so when made, and writes each message to the log.

function capturingLog() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  return { log: pino({ level: 'info' }, sink), lines };
}

describe('the mailer without VIGIL_SMTP_URL', () => {
  it('says at start-up that mail goes to the log, then logs each message with its recipients and subject', async () => {
    const { log, lines } = capturingLog();
    const mailer = createMailer({ config: { smtpUrl: undefined, from: 'Vigil <vigil@council.test>' }, log });
    expect(mailer.kind).toBe('log');
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatchObject({ level: 40, msg: expect.stringMatching(/no mail relay configured \(VIGIL_SMTP_URL\)/) });
    await mailer.send({ to: ['coordinator@council.test'], subject: 'Overdue review', text: 'Body' });
    await new Promise((r) => setImmediate(r));
    expect(lines[1]).toMatchObject({ mail: { from: 'Vigil <vigil@council.test>', to: ['coordinator@council.test'], subject: 'Overdue review', text: 'Body' }, msg: expect.stringMatching(/not sent/) });
  });
});

describe('mail configuration', () => {
  it('reads the relay and the sender, and refuses what is not an SMTP address', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: 'Vigil <vigil@localhost>' });
    expect(loadConfig({ VIGIL_SMTP_URL: 'smtp://relay.council.test:25', VIGIL_MAIL_FROM: 'CCTV <cctv@council.test>' }).mail).toEqual({ smtpUrl: 'smtp://relay.council.test:25', from: 'CCTV <cctv@council.test>' });
    expect(() => loadConfig({ VIGIL_SMTP_URL: 'http://relay.council.test' })).toThrow(/VIGIL_SMTP_URL.*smtp:\/\//);
    expect(() => loadConfig({ VIGIL_MAIL_FROM: 'not an address' })).toThrow(/VIGIL_MAIL_FROM/);
  });

  it('never logs the relay password', () => {
    expect(describeRelay('smtp://vigil:s3cret@relay.council.test:587')).toBe('smtp://***@relay.council.test:587');
  });
});
