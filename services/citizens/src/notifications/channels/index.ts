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
