/**
 * One interface for every way a notice reaches a person. The worker picks the channel from the
 * notification row; each adapter knows its own transport and nothing about notifications.
 */
export interface OutgoingMessage {
  /** The notification's id: the e-mail's Message-ID and the adapters' idempotency key. */
  id: string;
  /** An e-mail address, a phone number, or a CPR-keyed Digital Post recipient id. */
  to: string;
  subject: string;
  text: string;
  /** The short form, for SMS. */
  short: string;
}

export interface Channel {
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

/** A delivery failure; `permanent` ones are not retried (no address, a refused recipient). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}
