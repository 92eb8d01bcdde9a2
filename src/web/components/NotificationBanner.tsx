import { useEffect, useId, useRef, type ReactNode } from 'react';

/** GOV.UK notification banner; a success banner is announced and takes focus. */
export function NotificationBanner({ title, heading, children, success = false, focus = success }: {
  title?: string;
  heading?: ReactNode;
  children?: ReactNode;
  success?: boolean;
  focus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const titleId = `banner-title-${useId().replace(/:/g, '')}`;
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={focus ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>{title ?? (success ? 'Success' : 'Important')}</h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading && <p className="govuk-notification-banner__heading">{heading}</p>}
        {children}
      </div>
    </div>
  );
}

