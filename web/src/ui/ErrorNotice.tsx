import { useT } from '../i18n/I18n';
import type { GraphQLFailure } from '../graphql/client';

/**
 * One error the way a person understands it: a lost connection with a retry button, FORBIDDEN and
 * NOT_FOUND as a plain sentence, CONFLICT with what clashes (the service's message says it),
 * BAD_USER_INPUT as a pointer to the marked fields (the messages themselves sit at the fields).
 */
export function ErrorNotice({ error, onRetry, children }: { error?: GraphQLFailure; onRetry?: () => void; children?: React.ReactNode }) {
  const t = useT();
  if (!error) return null;
  let text: string;
  switch (error.kind) {
    case 'network':
      text = t('errors.network');
      break;
    case 'forbidden':
      text = t('errors.forbidden');
      break;
    case 'notFound':
      text = t('errors.notFound');
      break;
    case 'conflict':
      text = t('errors.conflict', { message: error.message });
      break;
    case 'input':
      text = Object.keys(error.fieldErrors).length ? t('errors.input') : error.message;
      break;
    case 'unauthenticated':
      text = t('errors.sessionExpired');
      break;
    default:
      text = t('errors.unknown');
  }
  return (
    <div className="notice notice-error" role="alert">
      <p>{text}</p>
      {children}
      {error.kind === 'network' && onRetry && (
        <button type="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
