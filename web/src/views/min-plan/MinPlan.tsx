import { useT } from '../../i18n/I18n';
import { Page } from '../../ui/Page';

/** Placeholder: helper `web2` builds this view. */
export default function MinPlan() {
  const t = useT();
  return <Page title={t('minPlan.title')}>{null}</Page>;
}
