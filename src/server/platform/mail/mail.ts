import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config';

// Notifications by e-mail (nodemailer over SMTP). Without VIGIL_SMTP_URL nothing is sent: each
// message is written to the log instead (at warn, so it is seen), and the mailer says so when made.

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  /** Files sent with the message (a generated letter's PDF). */
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
}

export interface Mailer {
  /** 'smtp': sent through the relay; 'log': written to the log (no relay configured). */
  readonly kind: 'smtp' | 'log';
  /** Resolves once the relay has accepted the message for every recipient; rejects otherwise. */
  send(mail: Mail): Promise<{ messageId: string }>;
  close(): void;
}

/** Where the relay is, with any password hidden: for logs. */
export const describeRelay = (url: string) => url.replace(/\/\/([^@/]*)@/, '//***@');

export function createMailer({ config, log }: { config: Pick<Config['mail'], 'smtpUrl' | 'from'>; log: Logger }): Mailer {
  if (!config.smtpUrl) {
    log.warn('no mail relay configured (VIGIL_SMTP_URL): notifications are written to the log instead of being sent');
    let n = 0;
    return {
      kind: 'log',
      async send(mail) {
        const messageId = `log-${Date.now()}-${++n}`;
        log.warn({ mail: { from: config.from, ...mail, attachments: mail.attachments?.map((a) => a.filename) }, messageId }, 'e-mail not sent (no VIGIL_SMTP_URL): written here instead');
        return { messageId };
      },
      close() {},
    };
  }
  // Short timeouts: a relay that does not answer is tried again by the caller later, never waited on for minutes.
  const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  log.info({ relay: describeRelay(config.smtpUrl), from: config.from }, 'notifications are sent by e-mail');
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType })) });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length) throw new Error(`the mail relay refused ${rejected.join(', ')}`);
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
