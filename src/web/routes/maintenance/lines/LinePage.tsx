import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import { clearLineFault, LINE_KINDS, lineQuery, linkLineCamera, raiseLineFault, unlinkLineCamera, type LineDetail } from '../../../api/maintenanceLines';
import { cameraMapQuery } from '../../../api/estate';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatDateTime } from '../../../../domain/calendar/london';
import { CameraStatusTag } from '../../estate/tags';
import { Row } from '../../evidence/SummaryRow';
import { TextareaField } from '../../occurrences/Radios';
import { MaintenanceNav } from '../MaintenanceNav';
import { NotLoaded } from '../NotLoaded';
import { formatPence } from '../../../lib/money';
import { useBanner } from '../banner';
import { LineForm } from './LineForm';
import { ContractEnd, LineFaultTag } from './tags';

type Done = (message: string) => void;
const refresh = (id: string) => [['lines'], ['cameras'], ['lines', 'one', id]];
const outcomeWords = (changed: number, verb: string) => (changed === 0 ? `no camera ${verb}` : changed === 1 ? `1 camera ${verb}` : `${changed} cameras ${verb}`);

/** One connectivity line: its contract, the cameras it serves, its fault now and before, and the coordinator's changes. */
export function LinePage({ id, session }: { id: string; session: Session }) {
  const line = useQuery(lineQuery(id));
  const { banner, done } = useBanner();
  useTitle(line.data ? `Connectivity line ${line.data.reference}` : 'Connectivity line');

  if (line.isPending) return <p className="govuk-body">Loading the line…</p>;
  if (line.isError) return <NotLoaded title="Connectivity line" what="The line" error={line.error} back="Back to the connectivity lines" backTo="/maintenance/lines" />;
  const l = line.data;
  const manage = can(session, 'maintenance.manage');
  return (
    <>
      <Link className="govuk-back-link" to="/maintenance/lines">Connectivity lines</Link>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <span className="govuk-caption-l">Connectivity line</span>
      <h1 className="govuk-heading-l">{l.reference} {l.fault && <LineFaultTag />}</h1>
      <MaintenanceNav />
      <dl className="govuk-summary-list">
        <Row label="Provider">{l.provider}</Row>
        <Row label="Kind">{LINE_KINDS[l.kind]}</Row>
        <Row label="Circuit id">{l.circuitId}</Row>
        <Row label="Monthly cost">{formatPence(l.monthlyCostPence)}</Row>
        <Row label="Contract ends"><ContractEnd line={l} /></Row>
        <Row label="Fault">{l.fault ? <>Open since {formatDateTime(l.fault.raisedAt)}{l.fault.raisedBy ? ` (raised by ${l.fault.raisedBy.name})` : ''}: {l.fault.note}</> : 'None open'}</Row>
        {l.notes && <Row label="Notes"><span className="vigil-prewrap">{l.notes}</span></Row>}
      </dl>

      <h2 className="govuk-heading-m">Cameras it serves</h2>
      <Cameras line={l} manage={manage} done={done} />
      {manage && <LinkForm line={l} done={done} />}

      {manage && (l.fault ? <ClearForm line={l} done={done} /> : <RaiseForm line={l} done={done} />)}

      <h2 className="govuk-heading-m">Faults</h2>
      {l.faults.length === 0 ? <p className="govuk-body">No fault has been recorded on this line.</p> : (
        <ul className="govuk-list">
          {l.faults.map((f) => (
            <li key={f.id} className="govuk-!-margin-bottom-3" style={{ borderLeft: '4px solid #b1b4b6', paddingLeft: '0.75em' }}>
              <p className="govuk-body govuk-!-margin-bottom-1"><strong>Raised {formatDateTime(f.raisedAt)}</strong>{f.raisedBy ? ` by ${f.raisedBy.name}` : ''}: {f.note}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                {f.clearedAt ? `Cleared ${formatDateTime(f.clearedAt)}${f.clearedBy ? ` by ${f.clearedBy.name}` : ''}${f.clearNote ? `: ${f.clearNote}` : ''}` : 'Still open'}
              </p>
            </li>
          ))}
        </ul>
      )}

      {manage && (
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text" id="edit-title">Change the line</span></summary>
          <div className="govuk-details__text"><LineForm line={l} done={done} key={l.version} /></div>
        </details>
      )}
    </>
  );
}

function Cameras({ line: l, manage, done }: { line: LineDetail; manage: boolean; done: Done }) {
  const form = useWriteForm({ scope: `line-${l.id}`, prefix: 'unlink', fields: [], fallbackField: 'unlink-error', refresh: refresh(l.id) });
  if (!l.cameras.length) return <p className="govuk-body">No camera is linked to this line.</p>;
  const unlink = async (cameraId: string, reference: string) => {
    if (await form.run(() => unlinkLineCamera(l.id, cameraId), 'Unlinked')) done(`Camera ${reference} unlinked from line ${l.reference}.`);
  };
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--s">{l.cameras.length === 1 ? '1 camera' : `${l.cameras.length} cameras`}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Camera', 'Location', 'Status', 'Linked'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
            {manage && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {l.cameras.map((c) => (
            <tr key={c.id} className="govuk-table__row">
              <td className="govuk-table__cell"><Link className="govuk-link" to="/estate/cameras/$id" params={{ id: c.id }}>{c.reference}</Link> {c.name}</td>
              <td className="govuk-table__cell">{c.location}</td>
              <td className="govuk-table__cell"><CameraStatusTag status={c.status} /></td>
              <td className="govuk-table__cell vigil-nowrap">{formatDateTime(c.linkedAt)}</td>
              {manage && (
                <td className="govuk-table__cell">
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={form.busy} onClick={() => void unlink(c.id, c.reference)}>
                    Unlink<span className="govuk-visually-hidden"> camera {c.reference}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function LinkForm({ line: l, done }: { line: LineDetail; done: Done }) {
  const cameras = useQuery(cameraMapQuery());
  const linked = new Set(l.cameras.map((c) => c.id));
  const free = (cameras.data ?? []).filter((c) => !linked.has(c.id));
  const [cameraId, setCameraId] = useState('');
  const form = useWriteForm({ scope: `line-${l.id}`, prefix: 'link', fields: ['cameraId'], fallbackField: 'cameraId', refresh: refresh(l.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([['cameraId', !cameraId && 'Choose a camera from the register']]))) return;
    const camera = free.find((c) => c.id === cameraId);
    if (await form.run(() => linkLineCamera(l.id, cameraId), 'Linked')) {
      done(`Camera ${camera?.reference ?? ''} linked to line ${l.reference}.`);
      setCameraId('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="link-title">
      <h3 className="govuk-heading-s" id="link-title">Link a camera</h3>
      <ErrorSummary errors={form.errors} />
      {cameras.isError && <p className="govuk-body">The camera register could not be loaded. {cameras.error.message}</p>}
      <SelectField id={form.id('cameraId')} label="Camera" hint="Cameras in the register, not decommissioned" value={cameraId} onChange={setCameraId} error={form.field('cameraId')}
        options={[{ value: '', label: 'Choose a camera' }, ...free.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
      <Button variant="secondary" disabled={form.busy}>Link the camera</Button>
    </form>
  );
}

function RaiseForm({ line: l, done }: { line: LineDetail; done: Done }) {
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `line-${l.id}`, prefix: 'raise', fields: ['note'], fallbackField: 'note', refresh: refresh(l.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    let marked = 0;
    if (await form.run(async () => { marked = (await raiseLineFault(l.id, { note })).changed.length; }, 'Raised')) {
      done(`Line fault raised on ${l.reference}: ${outcomeWords(marked, 'marked faulty')}.`);
      setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="raise-title">
      <h2 className="govuk-heading-m" id="raise-title">Raise a line fault</h2>
      <p className="govuk-body">Every operational or degraded camera the line serves is marked faulty in the register until the fault is cleared.</p>
      <ErrorSummary errors={form.errors} />
      <TextareaField id={form.id('note')} label="What is wrong with the line" value={note} onChange={setNote} error={form.field('note')} rows={3} />
      <Button variant="warning" disabled={form.busy}>Raise the line fault</Button>
    </form>
  );
}

function ClearForm({ line: l, done }: { line: LineDetail; done: Done }) {
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `line-${l.id}`, prefix: 'clear', fields: ['note'], fallbackField: 'note', refresh: refresh(l.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    let outcome = { changed: 0, left: 0 };
    if (await form.run(async () => { const o = await clearLineFault(l.id, { note: note.trim() || undefined }); outcome = { changed: o.changed.length, left: o.leftAsTheyWere.length }; }, 'Cleared')) {
      done(`Line fault on ${l.reference} cleared: ${outcomeWords(outcome.changed, 'back to operational')}${outcome.left ? `, ${outcomeWords(outcome.left, 'left faulty (faults of their own)')}` : ''}.`);
      setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="clear-title">
      <h2 className="govuk-heading-m" id="clear-title">Clear the line fault</h2>
      <p className="govuk-body">The cameras the fault marked return to operational, unless a fault of their own is open.</p>
      <ErrorSummary errors={form.errors} />
      <TextareaField id={form.id('note')} label="Note (optional)" hint="For example, what the provider fixed" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button disabled={form.busy}>Clear the line fault</Button>
    </form>
  );
}
