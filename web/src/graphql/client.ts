import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** A typed operation from `src/gql` (generated from the `.graphql` files by `npm run codegen`). */
export type Operation<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** What went wrong, sorted the way the page shows it (see WORKBENCH-CONTRACT: errors). */
export type FailureKind = 'network' | 'unauthenticated' | 'forbidden' | 'notFound' | 'conflict' | 'input' | 'other';

export class GraphQLFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly errors: GraphQLErrorBody[] = [],
  ) {
    super(message);
  }

  /**
   * BAD_USER_INPUT messages by field, to show at the field: `extensions.field` (a rule the service
   * checked), or each of `extensions.fields` (the input's shape, checked before the resolver).
   */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
      const { field, fields } = e.extensions;
      const names = typeof field === 'string' ? [field] : Array.isArray(fields) ? fields.filter((f) => typeof f === 'string') : [];
      for (const name of names) out[name] ??= e.message;
    }
    return out;
  }
}

const KIND_OF_CODE: Record<string, FailureKind> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  BAD_USER_INPUT: 'input',
};
const SEVERITY: FailureKind[] = ['unauthenticated', 'network', 'input', 'conflict', 'forbidden', 'notFound', 'other'];

export function failureOf(errors: GraphQLErrorBody[]): GraphQLFailure {
  const kinds = errors.map((e) => KIND_OF_CODE[e.extensions?.code ?? ''] ?? 'other');
  const kind = SEVERITY.find((k) => kinds.includes(k)) ?? 'other';
  const first = errors[kinds.indexOf(kind)] ?? errors[0];
  return new GraphQLFailure(kind, first?.message ?? 'GraphQL error', errors);
}

type Listener = (failure: GraphQLFailure) => void;
const unauthenticatedListeners = new Set<Listener>();
/** Set while the person signs out: requests still in flight then end without an "expired session" detour. */
let signingOut = false;
export function markSigningOut(): void {
  signingOut = true;
}

/** Called when the session is gone (the app keeps open drafts and sends the person to sign in). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * Sends one operation to the gateway with the session cookie (same origin; the page never holds a
 * token). Resolves with `data` when there are no errors, else rejects with a GraphQLFailure.
 */
export async function request<TResult, TVariables>(operation: Operation<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: operation.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new GraphQLFailure('network', 'network');
  }
  let body: { data?: TResult | null; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLFailure(response.status >= 500 || response.status === 0 ? 'network' : 'other', `HTTP ${response.status}`);
  }
  if (response.status === 401 && !body.errors?.length) {
    body.errors = [{ message: 'unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }];
  }
  if (body.errors?.length) {
    const failure = failureOf(body.errors);
    if (failure.kind === 'unauthenticated' && !signingOut) unauthenticatedListeners.forEach((l) => l(failure));
    throw failure;
  }
  if (!response.ok || body.data == null) throw new GraphQLFailure(response.status >= 500 ? 'network' : 'other', `HTTP ${response.status}`);
  return body.data;
}
