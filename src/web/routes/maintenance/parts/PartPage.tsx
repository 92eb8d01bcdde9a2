import { useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import {
  countParts, MOVEMENT_KINDS, partQuery, partSignatureHref, receiveParts, returnParts, signOutPart, type Part, type PartMovement,
} from '../../../api/maintenanceParts';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, TextField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { SignaturePad, type SignaturePadHandle } from '../../../components/SignaturePad';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatDateTime } from '../../../../domain/calendar/london';
import { Row } from '../../evidence/SummaryRow';
import { TextareaField } from '../../occurrences/Radios';
import { MaintenanceNav } from '../MaintenanceNav';
import { NotLoaded } from '../NotLoaded';
import { formatPence, parseWholeNumber } from '../../../lib/money';
import { UUID } from '../search';
import { BelowTag } from './tags';
import { useBanner } from '../banner';

type Done = (message: string) => void;
const REFRESH = [['parts']];

/** One spare part: its stock, its ledger of movements, and the movements the user may record. */
export function PartPage({ id, session }: { id: string; session: Session }) {
  const part = useQuery(partQuery(id));
  const { banner, done } = useBanner();
  useTitle(part.data ? `Spare part ${part.data.partNumber}` : 'Spare part');

  if (part.isPending) return <p className="govuk-body">Loading the part…</p>;
  if (part.isError) return <NotLoaded title="Spare part" what="The part" error={part.error} back="Back to the spare parts" backTo="/maintenance/parts" />;
  const p = part.data;
  const manage = can(session, 'maintenance.manage');
  const moves = can(session, 'maintenance.parts');
  return (
    <>
      <Link className="govuk-back-link" to="/maintenance/parts">Spare parts</Link>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <span className="govuk-caption-l">Spare part {p.partNumber}, {p.store.name}</span>
      <h1 className="govuk-heading-l">{p.description}</h1>
      <MaintenanceNav />
      <dl className="govuk-summary-list">
        <Row label="Part number">{p.partNumber}</Row>
        <Row label="Store"><Link className="govuk-link" to="/maintenance/parts" search={{ storeId: p.store.id }}>{p.store.name}</Link></Row>
        <Row label="On hand">{p.quantityOnHand} {p.belowReorderLevel && <BelowTag />}</Row>
        <Row label="Reorder level">{p.reorderLevel === 0 ? 'None' : p.reorderLevel}</Row>
        <Row label="Unit cost">{formatPence(p.unitCostPence)}</Row>
        <Row label="Stock value">{formatPence(p.stockValuePence)}</Row>
      </dl>
      {p.belowReorderLevel && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>
            {p.quantityOnHand} on hand is below the reorder level of {p.reorderLevel}: order more.</strong>
        </div>
      )}

      <h2 className="govuk-heading-m">Movements</h2>
      <Ledger part={p} />

      {moves && <SignOutForm part={p} done={done} />}
      {moves && <ReturnForm part={p} done={done} />}
      {manage && <ReceiveForm part={p} done={done} />}
      {manage && <CountForm part={p} done={done} />}
    </>
  );
}

function Ledger({ part }: { part: Part }) {
  if (!part.movements.length) return <p className="govuk-body">Nothing received or counted yet: none on hand.</p>;
  return (
    <div className="vigil-table-wrap">
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--s">Every movement of the stock, oldest first; nothing here is changed or removed</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">{['When', 'Movement', 'Change', 'On hand after', 'Details', 'By'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr>
        </thead>
        <tbody className="govuk-table__body">{part.movements.map((m) => <MovementRow key={m.seq} partId={part.id} m={m} />)}</tbody>
      </table>
    </div>
  );
}

function MovementRow({ partId, m }: { partId: string; m: PartMovement }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap">{formatDateTime(m.at)}</td>
      <td className="govuk-table__cell">{MOVEMENT_KINDS[m.kind]}</td>
      <td className="govuk-table__cell">{m.quantity > 0 ? `+${m.quantity}` : m.quantity}{m.kind === 'counted' ? ` (counted ${m.counted})` : ''}</td>
      <td className="govuk-table__cell">{m.quantityAfter}</td>
      <td className="govuk-table__cell">
        {m.engineerName && <p className="govuk-body-s govuk-!-margin-bottom-1">{m.kind === 'signed_out' ? 'To' : 'From'} {m.engineerName}{m.engineerOrganisation ? `, ${m.engineerOrganisation}` : ''}</p>}
        {m.fault && <p className="govuk-body-s govuk-!-margin-bottom-1">For fault {m.fault.reference}</p>}
        {m.justification && <p className="govuk-body-s govuk-!-margin-bottom-1 vigil-prewrap">Why: {m.justification}</p>}
        {m.note && <p className="govuk-body-s govuk-!-margin-bottom-1 vigil-prewrap">{m.note}</p>}
        {m.signatureSha256 && (
          <img src={partSignatureHref(partId, m.seq)} alt={`Signature of ${m.engineerName ?? 'the engineer'}`} style={{ maxWidth: '12rem', border: '1px solid #b1b4b6' }} />
        )}
      </td>
      <td className="govuk-table__cell">{m.by.name}</td>
    </tr>
  );
}

function SignOutForm({ part, done }: { part: Part; done: Done }) {
  const [quantity, setQuantity] = useState('1');
  const [faultId, setFaultId] = useState('');
  const [justification, setJustification] = useState('');
  const [engineerName, setEngineerName] = useState('');
  const [engineerOrganisation, setEngineerOrganisation] = useState('');
  const pad = useRef<SignaturePadHandle>(null);
  const form = useWriteForm({
    scope: `part-${part.id}`, prefix: 'signout', fields: ['quantity', 'faultId', 'justification', 'engineerName', 'engineerOrganisation', 'signaturePng'], fallbackField: 'quantity', refresh: REFRESH,
  });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const n = parseWholeNumber(quantity);
    const signaturePng = pad.current?.toPng();
    if (!form.check(fieldErrors([
      ['quantity', (!n) && 'Enter how many are signed out, as a whole number of at least 1'],
      ['faultId', !!faultId.trim() && !UUID.test(faultId.trim()) && 'Enter the fault’s id as shown on the fault, or leave it blank'],
      ['signaturePng', !signaturePng && 'Ask the engineer to sign in the box, or to type their name and choose “Sign with the typed name”'],
    ]))) return;
    const ok = await form.run(() => signOutPart(part.id, {
      quantity: n!, faultId: faultId.trim() || undefined, justification, engineerName, engineerOrganisation, signaturePng: signaturePng!,
    }), 'Signed out');
    if (ok) {
      done(`${n} of part ${part.partNumber} signed out to ${engineerName.trim()}.`);
      setQuantity('1'); setFaultId(''); setJustification(''); setEngineerName(''); setEngineerOrganisation('');
      pad.current?.clear();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="signout-title">
      <h2 className="govuk-heading-m" id="signout-title">Sign out to the contractor’s engineer</h2>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('quantity')} label="How many" hint={`${part.quantityOnHand} on hand`} value={quantity} onChange={setQuantity} error={form.field('quantity')} width="5" inputMode="numeric" />
      <TextField id={form.id('faultId')} label="Fault id (optional)" hint="The id of the fault the part is for, from the fault’s page" value={faultId} onChange={setFaultId} error={form.field('faultId')} width="30" spellCheck={false} autoComplete="off" />
      <TextareaField id={form.id('justification')} label="Why the part is needed" value={justification} onChange={setJustification} error={form.field('justification')} rows={3} />
      <TextField id={form.id('engineerName')} label="Engineer’s name" value={engineerName} onChange={setEngineerName} error={form.field('engineerName')} width="20" autoComplete="off" />
      <TextField id={form.id('engineerOrganisation')} label="Engineer’s organisation" value={engineerOrganisation} onChange={setEngineerOrganisation} error={form.field('engineerOrganisation')} width="20" />
      <SignaturePad id={form.id('signaturePng')} error={form.field('signaturePng')} ref={pad} legend="The engineer’s signature" who="the engineer’s" />
      <Button disabled={form.busy}>Sign the part out</Button>
    </form>
  );
}

function ReturnForm({ part, done }: { part: Part; done: Done }) {
  const [quantity, setQuantity] = useState('1');
  const [faultId, setFaultId] = useState('');
  const [engineerName, setEngineerName] = useState('');
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `part-${part.id}`, prefix: 'return', fields: ['quantity', 'faultId', 'engineerName', 'note'], fallbackField: 'quantity', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const n = parseWholeNumber(quantity);
    if (!form.check(fieldErrors([
      ['quantity', !n && 'Enter how many came back, as a whole number of at least 1'],
      ['faultId', !!faultId.trim() && !UUID.test(faultId.trim()) && 'Enter the fault’s id as shown on the fault, or leave it blank'],
    ]))) return;
    if (await form.run(() => returnParts(part.id, { quantity: n!, faultId: faultId.trim() || undefined, engineerName, note }), 'Returned')) {
      done(`${n} of part ${part.partNumber} returned to the store.`);
      setQuantity('1'); setFaultId(''); setEngineerName(''); setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="return-title">
      <h2 className="govuk-heading-m" id="return-title">Take parts back</h2>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('quantity')} label="How many came back" value={quantity} onChange={setQuantity} error={form.field('quantity')} width="5" inputMode="numeric" />
      <TextField id={form.id('engineerName')} label="Engineer’s name (optional)" value={engineerName} onChange={setEngineerName} error={form.field('engineerName')} width="20" autoComplete="off" />
      <TextField id={form.id('faultId')} label="Fault id (optional)" value={faultId} onChange={setFaultId} error={form.field('faultId')} width="30" spellCheck={false} autoComplete="off" />
      <TextareaField id={form.id('note')} label="Why it came back" hint="For example, unused or the wrong part" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button variant="secondary" disabled={form.busy}>Return to the store</Button>
    </form>
  );
}

function ReceiveForm({ part, done }: { part: Part; done: Done }) {
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `part-${part.id}`, prefix: 'receive', fields: ['quantity', 'note'], fallbackField: 'quantity', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const n = parseWholeNumber(quantity);
    if (!form.check(fieldErrors([['quantity', !n && 'Enter how many were received, as a whole number of at least 1']]))) return;
    if (await form.run(() => receiveParts(part.id, { quantity: n!, note }), 'Received')) {
      done(`${n} of part ${part.partNumber} received.`);
      setQuantity(''); setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="receive-title">
      <h2 className="govuk-heading-m" id="receive-title">Receive stock</h2>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('quantity')} label="How many were received" value={quantity} onChange={setQuantity} error={form.field('quantity')} width="5" inputMode="numeric" />
      <TextareaField id={form.id('note')} label="Note (optional)" hint="For example, the delivery note or order number" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button variant="secondary" disabled={form.busy}>Record the stock received</Button>
    </form>
  );
}

function CountForm({ part, done }: { part: Part; done: Done }) {
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `part-${part.id}`, prefix: 'count', fields: ['counted', 'note'], fallbackField: 'counted', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const n = parseWholeNumber(counted);
    if (!form.check(fieldErrors([['counted', n === undefined && 'Enter the number counted, as a whole number (0 if none)']]))) return;
    if (await form.run(() => countParts(part.id, { counted: n!, note }), 'Counted')) {
      done(`Stock count of part ${part.partNumber} recorded: ${n} on hand.`);
      setCounted(''); setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="count-title">
      <h2 className="govuk-heading-m" id="count-title">Record a stock count</h2>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('counted')} label="Number counted" hint="This becomes the quantity on hand; the difference is recorded" value={counted} onChange={setCounted} error={form.field('counted')} width="5" inputMode="numeric" />
      <TextareaField id={form.id('note')} label="Note (optional)" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button variant="secondary" disabled={form.busy}>Record the count</Button>
    </form>
  );
}
