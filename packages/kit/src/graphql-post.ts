import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ApolloServer, BaseContext, ContextFunction, HeaderMap } from '@apollo/server';
import type { Logger } from 'pino';

/** What the context function receives: the raw Node request and response. */
export interface GraphQLContextArgument {
  req: IncomingMessage;
  res: ServerResponse;
}

/** The largest request body accepted, as Express's JSON parser had it (2 MB). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * POST /graphql straight on Node's request and response: every GraphQL call of the gateway and
 * the subgraphs takes this path, so it skips Express's router, body parser and `res.send`
 * (content negotiation, ETag), which together cost about a tenth of a request's time. It reads
 * the body as Express's JSON parser did (application/json only, 2 MB limit, gzip/deflate/br,
 * strict JSON, an empty body is `{}`) and hands it to Apollo Server, which keeps its own checks
 * (CSRF prevention, batching refused, limits).
 */
export function graphqlPostHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: ContextFunction<[GraphQLContextArgument], TContext>,
  logger: Logger,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        if (!(error instanceof BodyError)) throw error;
        // Read off the rest of a refused body first (as Express did), so the client sees the answer.
        await drain(req);
        res.statusCode = error.status;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] }));
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = req.url ?? '';
      const query = url.indexOf('?');
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: query >= 0 ? url.slice(query) : '', body },
        context: () => context({ req, res }),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      logger.error({ err: error }, 'graphql request failed outside Apollo Server');
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
      }
      res.end(
        res.headersSent
          ? undefined
          : JSON.stringify({ errors: [{ message: 'Something went wrong on our side.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
      );
    }
  };
}

/** The JSON body, `undefined` when the request says it is not JSON (Apollo then refuses it). */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const contentType = req.headers['content-type'];
  if (!contentType) return undefined;
  const [mediaType, ...parameters] = contentType.split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') return undefined;
  const charset = parameters
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset && !charset.startsWith('utf-')) throw new BodyError(415, `The charset "${charset}" is not supported; send UTF-8.`);
  const declared = Number(req.headers['content-length']);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity' && declared > MAX_BODY_BYTES) throw new BodyError(413, 'The request body is too large.');
  const text = await readText(decoded(req, encoding));
  if (text.length === 0) return {};
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw new BodyError(400, 'The request body is not a JSON object.');
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'The request body is not valid JSON.');
  }
}

function decoded(req: IncomingMessage, encoding: string): Readable {
  switch (encoding) {
    case 'identity':
      return req;
    case 'gzip':
      return req.pipe(createGunzip());
    case 'deflate':
      return req.pipe(createInflate());
    case 'br':
      return req.pipe(createBrotliDecompress());
    default:
      throw new BodyError(415, `The content encoding "${encoding}" is not supported.`);
  }
}

function drain(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.unpipe();
    req.removeAllListeners('data');
    req.on('end', resolve);
    req.on('close', resolve);
    req.resume();
  });
}

function readText(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        stream.removeAllListeners('data');
        reject(new BodyError(413, 'The request body is too large.'));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    stream.on('error', () => reject(new BodyError(400, 'The request body could not be read.')));
  });
}
