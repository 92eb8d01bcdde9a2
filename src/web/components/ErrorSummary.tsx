import { useEffect, useRef } from 'react';
import type { FormErrors } from '../lib/errors';

/** GOV.UK error summary: takes focus when it appears, links move focus to the field. */
export function ErrorSummary({ errors }: { errors: FormErrors | undefined }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors?.summary.length) ref.current?.focus();
  }, [errors]);

  if (!errors?.summary.length) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.summary.map((item, i) => (
              <li key={i}>
                {item.field ? (
                  <a href={`#${item.field}`} onClick={(e) => focusField(e, item.field!)}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function focusField(event: React.MouseEvent, id: string) {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  // Scroll the label or legend into view with the field, as GOV.UK Frontend does.
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}
