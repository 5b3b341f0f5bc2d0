import { Channel, DeliveryError, OutgoingMessage } from './channel';

/**
 * SMS and Digital Post are sent through a provider's HTTP API (an SMS gateway; Digital Post
 * through the municipality's integration to NgDP/e-Boks). No such endpoint can run on this
 * machine, so these adapters are tested against a recording stand-in at the adapter boundary
 * only (test/notification-channels.test.ts): the HTTP request they make is what is verified.
 *
 * The request: POST <url> with JSON `{ id, to, subject?, text }`, `Idempotency-Key: <id>` (so a
 * provider that honours it never delivers the same notice twice) and, when a token is set,
 * `Authorization: Bearer <token>`. 2xx is delivered; 4xx (except 408/429) is permanent; the rest
 * is retried by the worker.
 */
export function httpChannel(options: { url: string; token?: string; kind: 'SMS' | 'LETTER'; timeoutMs?: number }): Channel {
  return {
    async send(message: OutgoingMessage) {
      const body =
        options.kind === 'SMS'
          ? { id: message.id, to: message.to, text: message.short }
          : { id: message.id, to: message.to, subject: message.subject, text: message.text };
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.id,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      }).catch((error: Error) => {
        throw new DeliveryError(`${options.kind === 'SMS' ? 'SMS gateway' : 'Digital Post'} not reachable: ${error.message}`);
      });
      if (response.ok) return;
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      throw new DeliveryError(`${options.kind === 'SMS' ? 'SMS gateway' : 'Digital Post'} answered ${response.status}`, permanent);
    },
  };
}
