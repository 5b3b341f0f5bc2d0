import { GraphQLError } from 'graphql';
import { badUserInput, conflict, forbidden } from '@jobcenter/kit';
import type { Refusal } from './meeting.rules';

/** Turns a rule's refusal into the GraphQL error a client sees. */
export function refusalError(refusal: Refusal): GraphQLError {
  if (refusal.code === 'CONFLICT') return conflict(refusal.message);
  if (refusal.code === 'FORBIDDEN') return forbidden(refusal.message);
  return badUserInput(refusal.message, refusal.field);
}
