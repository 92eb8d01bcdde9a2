import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, Hint, type Option } from '../../components/fields';

/** GOV.UK radios in a fieldset with a legend. The first radio carries `id`, so error links reach it. */
export function RadiosField({ id, legend, hint, error, value, onChange, options, inline, small = true }: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  inline?: boolean;
  small?: boolean;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} message={error} />
        <div className={`govuk-radios${small ? ' govuk-radios--small' : ''}${inline ? ' govuk-radios--inline' : ''}`}>
          {options.map((o, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div className="govuk-radios__item" key={o.value}>
                <input className="govuk-radios__input" id={itemId} name={id} type="radio" value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
                <label className="govuk-label govuk-radios__label" htmlFor={itemId}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function TextareaField({ id, label, hint, error, value, onChange, rows = 4, onKeyDown, ...rest }: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  onKeyDown?: (event: React.KeyboardEvent<HTMLTextAreaElement>) => void;
  'data-shortcut'?: string;
  'aria-keyshortcuts'?: string;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

/** Ctrl+Enter (or Cmd+Enter) in a textarea submits its form. */
export function submitOnCtrlEnter(event: React.KeyboardEvent<HTMLTextAreaElement>) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}
