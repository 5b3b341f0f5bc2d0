import type { GraphQLFailure } from '../../graphql/client';

/**
 * BAD_USER_INPUT messages by the input field they concern, for the forms of this view: a rule's
 * message (`extensions.field`, e.g. `endDate`) and validation messages ("field: reason" with
 * `extensions.fields`), with the "field: " prefix the service puts in front taken off.
 */
export function fieldMessages(error: GraphQLFailure | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  for (const [field, message] of Object.entries(error.fieldErrors)) out[lastPart(field)] = stripPrefix(message, field);
  for (const e of error.errors) {
    const fields = e.extensions?.fields;
    if (e.extensions?.code !== 'BAD_USER_INPUT' || !Array.isArray(fields)) continue;
    const reasons = e.message.replace(/^[^:]*?: (?=\w+(\.\w+)*: )/, '').split('; ');
    for (const reason of reasons) {
      const [path, ...rest] = reason.split(': ');
      if (rest.length && fields.includes(path)) out[lastPart(path)] ??= rest.join(': ');
    }
  }
  return out;
}

const lastPart = (path: string) => path.split('.').pop() ?? path;
const stripPrefix = (message: string, field: string) => message.replace(new RegExp(`^${lastPart(field)}: `), '');
