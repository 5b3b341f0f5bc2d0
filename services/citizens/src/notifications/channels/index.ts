import { setting } from '@jobcenter/kit/config';
import { Channel } from './channel';
import { emailChannel } from './email.channel';
import { httpChannel } from './http.channel';

export * from './channel';
export { emailChannel } from './email.channel';
export { httpChannel } from './http.channel';

/** The channels the configuration sets up (NOTIFY_* in docs/configuration.md); a missing one fails its notices with the reason. */
export function channelsFromConfig(): Partial<Record<'EMAIL' | 'SMS' | 'LETTER', Channel>> {
  const smtp = setting('NOTIFY_SMTP_URL');
  const sms = setting('NOTIFY_SMS_URL');
  const post = setting('NOTIFY_DIGITAL_POST_URL');
  return {
    ...(smtp ? { EMAIL: emailChannel({ url: smtp, from: setting('NOTIFY_MAIL_FROM') }) } : {}),
    ...(sms ? { SMS: httpChannel({ url: sms, token: setting('NOTIFY_SMS_TOKEN'), kind: 'SMS' }) } : {}),
    ...(post ? { LETTER: httpChannel({ url: post, token: setting('NOTIFY_DIGITAL_POST_TOKEN'), kind: 'LETTER' }) } : {}),
  };
}

/**
 * `npm start` only: where no SMS gateway or Digital Post endpoint is configured, those notices go
 * to the development mail server too, addressed `sms-<number>@sms.dev.local` or
 * `digital-post@post.dev.local`, so every channel can be seen on its page.
 */
export function devChannels(smtpUrl: string): Partial<Record<'EMAIL' | 'SMS' | 'LETTER', Channel>> {
  const email = emailChannel({ url: smtpUrl, from: setting('NOTIFY_MAIL_FROM') });
  const configured = channelsFromConfig();
  return {
    EMAIL: configured.EMAIL ?? email,
    SMS: configured.SMS ?? {
      send: (m) => email.send({ ...m, to: `sms-${m.to.replace(/\D/g, '')}@sms.dev.local`, subject: `SMS til ${m.to}`, text: m.short }),
    },
    LETTER: configured.LETTER ?? {
      send: (m) => email.send({ ...m, to: 'digital-post@post.dev.local', subject: `Digital Post: ${m.subject}` }),
    },
  };
}
