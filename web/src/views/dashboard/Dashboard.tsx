import { useT } from '../../i18n/I18n';
import { Page } from '../../ui/Page';

/** Placeholder: helper `web2` builds this view. */
export default function Dashboard() {
  const t = useT();
  return <Page title={t('dashboard.title')}>{null}</Page>;
}
