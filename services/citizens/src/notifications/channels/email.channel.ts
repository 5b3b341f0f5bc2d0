import nodemailer from 'nodemailer';
import { Channel, OutgoingMessage } from './channel';

export interface EmailOptions {
  /** smtp://host:port (or smtps://user:pass@host:465). */
  url: string;
  from: string;
  /** Connection and socket timeouts: the worker holds the notification's row lock while it sends. */
  timeoutMs?: number;
}

/**
 * E-mail over SMTP with nodemailer. The Message-ID is derived from the notification id, so a
 * receiving system can recognise the same notice if it ever arrives twice.
 */
export function emailChannel(options: EmailOptions): Channel {
  const timeout = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport(options.url, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as object);
  return {
    async send(message: OutgoingMessage) {
      const domain = options.from.split('@')[1]?.replace(/>.*$/, '') || 'jobcenter.local';
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.id}@${domain}>`,
      });
    },
    async close() {
      transport.close();
    },
  };
}
