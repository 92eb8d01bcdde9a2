import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './fields';

/** An inline "are you sure?" step for a destructive action. Focus moves to it; Cancel returns. */
export function Confirm({ heading, children, confirmLabel, onConfirm, onCancel, busy }: {
  heading: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="vigil-confirm" role="group" aria-labelledby="confirm-heading">
      <h2 className="govuk-heading-m" id="confirm-heading" ref={ref} tabIndex={-1}>{heading}</h2>
      {children}
      <div className="govuk-button-group">
        <Button type="button" variant="warning" onClick={onConfirm} disabled={busy} aria-disabled={busy}>{confirmLabel}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
