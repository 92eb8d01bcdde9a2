import type { ReactNode } from 'react';

export interface FieldBase {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Label styled as the page heading (one-question pages). */
  isPageHeading?: boolean;
  className?: string;
}

export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? <div id={`${id}-hint`} className="govuk-hint">{children}</div> : null;
}

export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

export function Label({ id, label, isPageHeading }: { id: string; label: ReactNode; isPageHeading?: boolean }) {
  if (isPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={id}>{label}</label>
      </h1>
    );
  }
  return <label className="govuk-label" htmlFor={id}>{label}</label>;
}

export function TextField({
  id, label, hint, error, isPageHeading, className, value, onChange, type = 'text', width, ...input
}: FieldBase & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'email' | 'search' | 'date';
  width?: 'full' | '30' | '20' | '10' | '5' | '4' | '3' | '2' | 'one-half' | 'one-third' | 'two-thirds';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'search';
  spellCheck?: boolean;
  autoFocus?: boolean;
  maxLength?: number;
  name?: string;
  'data-search'?: boolean;
}) {
  const widthClass = !width ? '' : /^\d+$/.test(width) ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} isPageHeading={isPageHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <input
        className={`govuk-input${widthClass}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={input.name ?? id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ id, label, hint, error, className, value, onChange, options, name }: FieldBase & {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  name?: string;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={name ?? id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxesField({ id, legend, hint, error, values, onChange, options }: Omit<FieldBase, 'label'> & {
  legend: ReactNode;
  values: string[];
  onChange: (values: string[]) => void;
  options: Array<Option & { hint?: string }>;
}) {
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} message={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((o, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div className="govuk-checkboxes__item" key={o.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={id}
                  type="checkbox"
                  value={o.value}
                  checked={values.includes(o.value)}
                  onChange={(e) => toggle(o.value, e.target.checked)}
                  aria-describedby={o.hint ? `${itemId}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>{o.label}</label>
                {o.hint && <div id={`${itemId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">{o.hint}</div>}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({ children, variant, className, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'secondary' | 'warning';
}) {
  return (
    <button
      type="submit"
      className={`govuk-button${variant ? ` govuk-button--${variant}` : ''}${className ? ` ${className}` : ''}`}
      data-module="govuk-button"
      {...props}
    >
      {children}
    </button>
  );
}
