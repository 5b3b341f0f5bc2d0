import { GraphQLError } from 'graphql';
import { badUserInput, conflict } from '@jobcenter/kit';
import type { Refusal } from './meeting.rules';

/** Turns a rule's refusal into the GraphQL error a client sees. */
export function refusalError(refusal: Refusal): GraphQLError {
  return refusal.code === 'CONFLICT' ? conflict(refusal.message) : badUserInput(refusal.message, refusal.field);
}
