import { ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/I18n';

let focusOnNextHeading = false;
/** After a navigation inside the app, the next page heading drawn takes the focus (Layout calls this). */
export function focusNextHeading() {
  focusOnNextHeading = true;
}

/** A view's heading, which also names the browser tab ("<title> – Jobcenter"). */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (!focusOnNextHeading) return;
    focusOnNextHeading = false;
    heading.current?.focus();
  }, []);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}
