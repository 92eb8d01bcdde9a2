import { useEffect, useRef, useState } from 'react';
import { describedBy, ErrorMessage, Hint, Label, type FieldBase } from './fields';

const VISIBLE = 'Your password is visible';
const HIDDEN = 'Your password is hidden';

/**
 * GOV.UK password input: a password field with a Show/Hide button. The button says which field it
 * controls (aria-controls) and a visually hidden status says whether the password is visible. The
 * password is hidden again whenever its form is submitted.
 */
export function PasswordField({ id, label, hint, error, isPageHeading, className, value, onChange, width = '20', autoComplete = 'current-password', autoFocus }: FieldBase & {
  value: string;
  onChange: (value: string) => void;
  width?: '30' | '20' | '10';
  autoComplete?: 'current-password' | 'new-password';
  autoFocus?: boolean;
}) {
  const [shown, setShown] = useState(false);
  // Empty until the user first toggles, so nothing is announced when the page opens.
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const hide = () => {
      setShown(false);
      setStatus((previous) => previous && HIDDEN);
    };
    form.addEventListener('submit', hide);
    return () => form.removeEventListener('submit', hide);
  }, []);

  const toggle = () => {
    setShown(!shown);
    setStatus(shown ? HIDDEN : VISIBLE);
  };

  return (
    <div className={`govuk-form-group govuk-password-input${error ? ' govuk-form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} isPageHeading={isPageHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <div className="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          ref={input}
          className={`govuk-input govuk-password-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
          id={id}
          name={id}
          type={shown ? 'text' : 'password'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy(id, hint, error)}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          autoFocus={autoFocus}
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-password-input__toggle"
          data-module="govuk-button"
          aria-controls={id}
          aria-label={shown ? 'Hide password' : 'Show password'}
          onClick={toggle}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
      <div className="govuk-password-input__sr-status govuk-visually-hidden" aria-live="polite">{status}</div>
    </div>
  );
}
