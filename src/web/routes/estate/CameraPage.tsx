import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { CAMERA_FIELD_LABELS, cameraHistoryQuery, cameraQuery, type Camera, type CameraVersion } from '../../api/estate';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, type FormErrors } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';
import { Row } from '../evidence/SummaryRow';
import { CameraStatusTag } from './tags';
import { EstateMap } from './EstateMap';
import { asAtInput, parseAsAt } from './search';
import { fieldValue } from './words';

const SHOWN: readonly (keyof typeof CAMERA_FIELD_LABELS)[] = [
  'name', 'location', 'kind', 'bearing', 'fieldOfView', 'range', 'mountingHeight', 'videoSystem', 'channel', 'connectivityLine',
  'installedOn', 'owner', 'ownerName', 'purpose', 'ward', 'capabilities',
];

/** One camera's register entry, as it stands or as it stood at a moment, and every change made to it. */
export function CameraPage({ id, asAt, session }: { id: string; asAt?: string; session: Session }) {
  const camera = useQuery(cameraQuery(id, asAt));
  const history = useQuery(cameraHistoryQuery(id));
  const [errors, setErrors] = useState<FormErrors>();
  useTitle(camera.data ? `Camera ${camera.data.reference}` : 'Camera', { error: !!errors });
  const navigate = useNavigate();
  const [typed, setTyped] = useState(asAt ? asAtInput(asAt) : '');
  useEffect(() => setTyped(asAt ? asAtInput(asAt) : ''), [asAt]);

  const show = (event: React.FormEvent) => {
    event.preventDefault();
    const at = parseAsAt(typed);
    const invalid = fieldErrors([['asAt', at === undefined && 'Enter a date and time that has passed, like 4/3/2026 14:05, or a date alone for the end of that day']]);
    setErrors(invalid);
    if (!invalid) void navigate({ to: '/estate/cameras/$id', params: { id }, search: { asAt: at || undefined } });
  };

  if (camera.isPending) return <p className="govuk-body">Loading the camera…</p>;
  if (camera.isError) {
    return (
      <>
        <h1 className="govuk-heading-l">Camera</h1>
        <p className="govuk-body">{asAt ? 'The camera was not in the register at that moment.' : 'The camera could not be loaded.'} {camera.error.message}</p>
        <p className="govuk-body">{asAt ? <Link className="govuk-link" to="/estate/cameras/$id" params={{ id }}>See it as it stands now</Link> : <Link className="govuk-link" to="/estate">Back to the register</Link>}</p>
      </>
    );
  }
  const c = camera.data;
  return (
    <>
      <Link className="govuk-back-link" to="/estate">Camera register</Link>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">Camera {c.reference}</span>
      <h1 className="govuk-heading-l">{c.name} <CameraStatusTag status={c.status} /></h1>

      {asAt && (
        <div className="govuk-inset-text">
          As it stood at {formatDateTime(asAt)} (version {c.version}, from {formatDateTime(c.changedAt)}).{' '}
          <Link className="govuk-link" to="/estate/cameras/$id" params={{ id }}>See it as it stands now</Link>
        </div>
      )}

      {!asAt && can(session, 'estate.manage') && (
        <p className="govuk-body"><Link className="govuk-button govuk-!-margin-bottom-0" to="/estate/cameras/$id/edit" params={{ id }}>Change this camera</Link></p>
      )}

      <form onSubmit={show} noValidate aria-label="See the camera as it stood">
        <div className="vigil-filter__row">
          <TextField id="asAt" label="See it as it stood at" hint="A date and time, like 4/3/2026 14:05, or a date alone for the end of that day" value={typed} onChange={setTyped} error={errors?.fields.asAt} width="20" spellCheck={false} />
          <Button variant="secondary">Show</Button>
        </div>
      </form>

      <h2 className="govuk-heading-m">Register entry</h2>
      <Entry camera={c} />
      <EstateMap cameras={[mapItemOf(c)]} key={`${c.version}`} label={`Map of where camera ${c.reference} is and the area it sees${asAt ? ' as it stood then' : ''}; the register entry above gives the same in words`} withKey={false} />

      <h2 className="govuk-heading-m">History</h2>
      {history.isPending && <p className="govuk-body">Loading the history…</p>}
      {history.isError && <p className="govuk-body">The history could not be loaded. {history.error.message}</p>}
      {history.data && <History versions={history.data.items} id={id} />}
    </>
  );
}

const mapItemOf = (c: Camera) => ({
  id: c.id, reference: c.reference, name: c.name, lat: c.latitude, lon: c.longitude, kind: c.kind, status: c.status, bearing: c.bearing, fov: c.fieldOfView, range: c.range, owner: c.owner, ward: c.ward,
});

function Entry({ camera: c }: { camera: Camera }) {
  return (
    <dl className="govuk-summary-list">
      <Row label="Number">{c.reference}</Row>
      <Row label="Status"><CameraStatusTag status={c.status} /></Row>
      {SHOWN.map((f) => <Row key={f} label={CAMERA_FIELD_LABELS[f]}>{fieldValue(f, c[f])}</Row>)}
      <Row label="Position">{c.latitude}, {c.longitude} (latitude, longitude)</Row>
      <Row label="Version">{c.version}, from {formatDateTime(c.changedAt)}{c.changeReason ? `: ${c.changeReason}` : ''}</Row>
    </dl>
  );
}

// A millisecond on: the database keeps finer times than a browser's, so the version's own start could read as the one before.
const justAfter = (at: string) => new Date(Date.parse(at) + 1).toISOString();

/** Every version, newest first: who, when, why, and what it changed. */
function History({ versions, id }: { versions: CameraVersion[]; id: string }) {
  return (
    <ol className="govuk-list" reversed>
      {versions.map((v) => (
        <li key={v.version} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Version {v.version}: {formatDateTime(v.validFrom)}</h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            By {v.changedBy?.name ?? 'the system'}. {v.reason ? `Why: ${v.reason}` : 'No reason given.'}{' '}
            <Link className="govuk-link" to="/estate/cameras/$id" params={{ id }} search={{ asAt: justAfter(v.validFrom) }}>
              See the entry as it stood<span className="govuk-visually-hidden"> after version {v.version}</span>
            </Link>
          </p>
          {v.changes.length === 0 ? (
            <p className="govuk-body-s">{v.version === 1 ? 'Added to the register.' : 'Nothing in the entry changed.'}</p>
          ) : (
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-visually-hidden">What version {v.version} changed</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Field</th>
                  <th scope="col" className="govuk-table__header">From</th>
                  <th scope="col" className="govuk-table__header">To</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {v.changes.map((ch) => (
                  <tr key={ch.field} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">{ch.label}</th>
                    <td className="govuk-table__cell">{fieldValue(ch.field, ch.from)}</td>
                    <td className="govuk-table__cell">{fieldValue(ch.field, ch.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  );
}
