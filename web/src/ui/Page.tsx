import { ReactNode, useEffect } from 'react';
import { useT } from '../i18n/I18n';

/** A view's heading, which also names the browser tab ("<title> – Jobcenter"). */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {actions}
      </div>
      {children}
    </>
  );
}
