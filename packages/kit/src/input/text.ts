import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

/**
 * PostgreSQL's text types cannot hold the NUL character (U+0000): a NUL in any text would fail
 * deep in a write as an internal error. No field of this domain has a use for it (nor for the
 * other C0 control characters but tab, line feed and carriage return, which PostgreSQL stores
 * but no person types), so the request is refused before any resolver runs, naming where it was.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this rule's purpose
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** True when the text holds a control character no field accepts (NUL above all). */
export function hasForbiddenControl(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The path of the first string at fault in a value (e.g. `participants.0.name` inside an input
 * object, `''` for the value itself), or null when there is none.
 */
export function controlCharacterPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasForbiddenControl(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = controlCharacterPath(item, join(path, i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasForbiddenControl(key)) return path;
      const found = controlCharacterPath(item, join(path, key));
      if (found !== null) return found;
    }
  }
  return null;
}

export const controlCharacterError = (field: string) =>
  new GraphQLError(
    `${field}: the text contains a control character (such as NUL, \\u0000) that cannot be stored. Remove it and send again.`,
    { extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } },
  );

/**
 * Refuses a request whose variables or inline string arguments hold a forbidden control
 * character, with BAD_USER_INPUT naming the variable path or argument. On the gateway and every
 * subgraph (kit http), so a subgraph called directly refuses it too.
 */
export function controlCharacterPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          // Variables, where text normally travels: an input object's field is named as the
          // resolvers name it (`firstName`, `participants.0.name`), a plain argument by its variable.
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const found = controlCharacterPath(value);
            if (found !== null) throw controlCharacterError(found || name);
          }
          let inline: string | null = null;
          visit(document, {
            Argument(node) {
              if (inline) return false;
              visit(node.value, {
                StringValue(value) {
                  if (!inline && hasForbiddenControl(value.value)) inline = node.name.value;
                },
              });
              return false;
            },
            [Kind.STRING]: (value) => {
              if (!inline && hasForbiddenControl(value.value)) inline = 'query';
            },
          });
          if (inline) throw controlCharacterError(inline);
        },
      };
    },
  };
}
