import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for development and tests (the `smtp-server` package): it receives the
 * notices the worker sends over SMTP, keeps them in memory and, with `dir`, in a maildir
 * (`<dir>/new/*.eml`), and shows them on a tiny page. `npm start` prints where.
 * Only a message whose DATA completed is kept, as a real server would: a client that dies
 * mid-message has sent nothing.
 */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  /** The decoded text body. */
  text: string;
  raw: string;
}

export interface DevMailServer {
  smtpUrl: string;
  webUrl: string | null;
  received: ReceivedMail[];
  /** Refuse every message with this SMTP reply (e.g. 451 or 550) until set to null. */
  refuseWith(code: number | null): void;
  /** Called when a message's DATA starts arriving; `hold` delays the answer to it. */
  onData(listener: ((mail: { to: string[] }) => void) | null, holdMs?: number): void;
  close(): Promise<void>;
}

/** Quoted-printable (RFC 2045) to text. */
function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** An encoded-word header (RFC 2047, =?UTF-8?Q?…?= or ?B?) to text. */
function decodeHeader(value: string): string {
  return value.replace(/\s*=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) =>
    head
      .split('\r\n')
      .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return {
    ...envelope,
    subject: decodeHeader(header('Subject')),
    messageId: header('Message-ID'),
    text: text.replace(/\r\n/g, '\n').trimEnd(),
    raw,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export async function startDevMailServer(
  options: { smtpPort?: number; httpPort?: number | null; dir?: string; host?: string } = {},
): Promise<DevMailServer> {
  const host = options.host ?? '127.0.0.1';
  const received: ReceivedMail[] = [];
  let refusal: number | null = null;
  let listener: ((mail: { to: string[] }) => void) | null = null;
  let holdMs = 0;
  if (options.dir) mkdirSync(join(options.dir, 'new'), { recursive: true });
  /** Sessions whose client hung up: a message still held for them is dropped, never kept. */
  const closed = new Set<string>();
  const smtp = new SMTPServer({
    authOptional: true,
    onClose(session) {
      closed.add(session.id);
    },
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      listener?.({ to });
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const finish = () => {
          if (closed.has(session.id)) return;
          if (refusal) {
            const error = Object.assign(new Error(refusal >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: refusal });
            callback(error);
            return;
          }
          const mail = parseMail(Buffer.concat(chunks).toString('utf8'), { from, to });
          received.push(mail);
          if (options.dir) writeFileSync(join(options.dir, 'new', `${Date.now()}-${received.length}.eml`), mail.raw);
          callback();
        };
        if (holdMs > 0) setTimeout(finish, holdMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  // smtp-server reports a client's dropped connection (ECONNRESET: a sender killed mid-message)
  // as an 'error' on the server; without a listener that would crash the process it runs in.
  smtp.on('error', () => undefined);
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let web: Server | null = null;
  if (options.httpPort !== null && options.httpPort !== undefined) {
    web = createServer((_req, res) => {
      const items = received
        .slice()
        .reverse()
        .map(
          (m) =>
            `<article><h2>${escapeHtml(m.subject)}</h2><p>Til: ${escapeHtml(m.to.join(', '))}</p><pre>${escapeHtml(m.text)}</pre></article>`,
        )
        .join('\n');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(
        `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Udviklingspost</title></head><body><main><h1>Modtaget post (${received.length})</h1>${items || '<p>Ingen post endnu.</p>'}</main></body></html>`,
      );
    });
    await new Promise<void>((resolve) => web!.listen(options.httpPort ?? 0, host, resolve));
  }
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: web ? `http://${host}:${(web.address() as AddressInfo).port}/` : null,
    received,
    refuseWith: (code) => (refusal = code),
    onData: (fn, hold = 0) => {
      listener = fn;
      holdMs = hold;
    },
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (web) await new Promise<void>((resolve) => web!.close(() => resolve()));
    },
  };
}
