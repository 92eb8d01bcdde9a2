import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback for the tests of e-mail: it keeps every message it is sent.

export interface Received { from: string; to: string[]; data: string }

export async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: (session.envelope.mailFrom || { address: '' }).address, to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    /** The messages whose subject or body mentions `text`, read. */
    about: (text: string) => received.map((m) => ({ ...m, ...readMessage(m.data) })).filter((m) => m.subject.includes(text) || m.body.includes(text)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message as read: headers unfolded, the quoted-printable body decoded (nodemailer writes plain text so). */
export function readMessage(data: string) {
  const split = data.indexOf('\r\n\r\n');
  const headers = data.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = data.slice(split + 4).replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return { subject: /^Subject: (.*)$/m.exec(headers)?.[1] ?? '', body: Buffer.from(body, 'latin1').toString('utf8') };
}
