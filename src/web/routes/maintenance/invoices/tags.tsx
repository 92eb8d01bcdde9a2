import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, Hint } from '../../../components/fields';
import { INVOICE_STATES, type Invoice, type InvoiceState } from '../../../api/maintenanceInvoices';

// An invoice's state as a GOV.UK tag, and "Overdue" beside it: the colour at a glance, the words for everyone.
const NO_WRAP = { maxWidth: 'none', whiteSpace: 'nowrap' } as const;
const STATE_COLOURS: Record<InvoiceState, string> = { received: 'blue', approved: 'turquoise', paid: 'green', disputed: 'red' };

export const InvoiceStateTag = ({ state }: { state: InvoiceState }) => (
  <strong className={`govuk-tag govuk-tag--${STATE_COLOURS[state]}`} style={NO_WRAP}>{INVOICE_STATES[state]}</strong>
);

/** The state, and "Overdue" where the invoice is unpaid past its due day. */
export const InvoiceTags = ({ invoice }: { invoice: Pick<Invoice, 'state' | 'overdue'> }) => (
  <>
    <InvoiceStateTag state={invoice.state} />
    {invoice.overdue && <> <strong className="govuk-tag govuk-tag--orange" style={NO_WRAP}>Overdue</strong></>}
  </>
);

/** What an invoice is raised against, in words: "Contract CCTV/2026-01" or "Line L-004". */
export const againstWords = (i: Pick<Invoice, 'contract' | 'line'>) => (i.contract ? `Contract ${i.contract.reference}` : i.line ? `Line ${i.line.reference}` : '');

/** A text field for pounds, with the £ before it (GOV.UK's prefix). */
export function MoneyField({ id, label, hint, error, value, onChange }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <div className="govuk-input__wrapper">
        <div className="govuk-input__prefix" aria-hidden="true">£</div>
        <input className={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`} id={id} name={id} type="text" inputMode="decimal" spellCheck={false} autoComplete="off"
          value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy(id, hint, error)} />
      </div>
    </div>
  );
}
