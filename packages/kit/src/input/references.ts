import { GraphQLError } from 'graphql';
import { badUserInput, SERVICE_UNAVAILABLE } from '../errors';
import { isUuid } from '../ids';
import { subgraphClient } from '../subgraph-client';

/**
 * A reference a mutation is about to store: another entity's id and the input field it came from.
 * Citizens and staff members belong to the citizens subgraph, so a subgraph that stores their ids
 * (plans, meetings, placements) asks there first; its own entities (a course, a company) it
 * checks in its own database, inside the transaction.
 */
export interface Reference {
  kind: 'citizen' | 'staff';
  id: string;
  /** The input field at fault when the id names nobody, e.g. `facilitatorIds.1`. */
  field: string;
}

const WHAT: Record<Reference['kind'], string> = { citizen: 'citizen', staff: 'staff member' };

/** BAD_USER_INPUT for a reference that names nobody; the field and the id are in the message. */
export const unknownReference = (ref: Reference) =>
  badUserInput(`${ref.field}: there is no ${WHAT[ref.kind]} with id ${ref.id}. Check the id; nothing was saved.`, ref.field);

const KNOWN_REFERENCES = `query KnownReferences($citizenIds: [ID!]!, $staffIds: [ID!]!) {
  knownReferences(citizenIds: $citizenIds, staffIds: $staffIds) { citizenIds staffIds }
}`;

/**
 * Refuses the first reference (in the order given) that does not name an existing citizen or
 * staff member, with BAD_USER_INPUT naming its field: one call to the citizens subgraph, with the
 * calling service's own SERVICE identity (an answer of ids only), before the mutation writes
 * anything. Staff and citizens are never deleted, so what exists now still exists at commit.
 */
export async function assertReferencesExist(from: string, references: readonly Reference[], requestId?: string): Promise<void> {
  const malformed = references.find((r) => !isUuid(r.id));
  if (malformed) throw unknownReference(malformed);
  if (references.length === 0) return;
  const idsOf = (kind: Reference['kind']) => [...new Set(references.filter((r) => r.kind === kind).map((r) => r.id))];
  let known: { citizenIds: string[]; staffIds: string[] };
  try {
    const client = subgraphClient(from, 'citizens');
    known = (
      await client.query<{ knownReferences: typeof known }>(
        KNOWN_REFERENCES,
        { citizenIds: idsOf('citizen'), staffIds: idsOf('staff') },
        requestId,
      )
    ).knownReferences;
  } catch {
    throw new GraphQLError(
      'The citizens service could not confirm the people named in this change right now; nothing was saved. Try again shortly.',
      {
        extensions: { code: SERVICE_UNAVAILABLE },
      },
    );
  }
  const exists = { citizen: new Set(known.citizenIds), staff: new Set(known.staffIds) };
  const unknown = references.find((r) => !exists[r.kind].has(r.id));
  if (unknown) throw unknownReference(unknown);
}
