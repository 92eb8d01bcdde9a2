import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import { ApiError } from '../../../api/client';
import type { Session } from '../../../api/types';
import {
  DEFAULT_REVIEW_PERIOD_DAYS, DEPLOYMENT_EVENT_KINDS, REVIEW_PERIOD_LIMITS, decideDeployment, deployCamera, deploymentQuery, mobileCameraHistoryQuery,
  removeCamera, reviewDeployment, signagePhotoHref, uploadSignagePhoto, withdrawDeployment, type Deployment, type DeploymentEvent,
} from '../../../api/deployments';
import { cameraMapQuery } from '../../../api/estate';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatDateTime, formatUkDay, londonDay } from '../../../../domain/calendar/london';
import { Row } from '../../evidence/SummaryRow';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { EstateNav } from '../EstateNav';
import { actionsFor, dayField, renameFields } from './forms';
import { clearFlash, peekFlash } from './flash';
import { DeploymentStateTag, ReviewTag } from './tags';

type Done = (message: string) => void;
const REFRESH = [['deployments'], ['cameras']];
const todayUk = () => formatUkDay(londonDay());
const YES_NO = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

/** One deployment: the request and its evidence, its state and review, its steps, and the forms its state allows. */
export function DeploymentPage({ id, session }: { id: string; session: Session }) {
  const deployment = useQuery(deploymentQuery(id));
  const [banner, setBanner] = useState(() => ({ text: peekFlash(id), n: 0 }));
  useEffect(() => clearFlash(id), [id]);
  const done: Done = (text) => setBanner((b) => ({ text, n: b.n + 1 }));
  useTitle(deployment.data ? `Mobile deployment ${deployment.data.reference}` : 'Mobile deployment');

  if (deployment.isPending) return <p className="govuk-body">Loading the deployment…</p>;
  if (deployment.isError) {
    return (
      <>
        <h1 className="govuk-heading-l">Mobile deployment</h1>
        <p className="govuk-body">The deployment could not be loaded. {deployment.error.message}</p>
        <p className="govuk-body"><Link className="govuk-link" to="/estate/deployments">Back to the mobile cameras</Link></p>
      </>
    );
  }
  const d = deployment.data;
  const actions = actionsFor({ state: d.state, canManage: can(session, 'estate.manage'), canApprove: can(session, 'estate.approve'), isRequester: d.requestedBy.id === session.user.id });
  const photoEvent = d.events.findLast((e) => e.signagePhotoSha256);
  return (
    <>
      <Link className="govuk-back-link" to="/estate/deployments">Mobile cameras</Link>
      {banner.text && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <span className="govuk-caption-l">Mobile deployment {d.reference}</span>
      <h1 className="govuk-heading-l">{d.locationText} <DeploymentStateTag state={d.state} /></h1>
      <EstateNav />

      <h2 className="govuk-heading-m">The request</h2>
      <dl className="govuk-summary-list">
        <Row label="Reference">{d.reference}</Row>
        <Row label="State"><DeploymentStateTag state={d.state} /></Row>
        {d.state === 'deployed' && <Row label="Review"><ReviewTag deployment={d} /></Row>}
        {d.camera && <Row label="Camera"><Link className="govuk-link" to="/estate/cameras/$id" params={{ id: d.camera.id }}>{d.camera.reference}</Link> {d.camera.name}</Row>}
        {d.deployedOn && <Row label="Put up on">{formatUkDay(d.deployedOn)}</Row>}
        {d.removedOn && <Row label="Taken down on">{formatUkDay(d.removedOn)}</Row>}
        <Row label="Location">{d.locationText} ({d.latitude}, {d.longitude}: latitude, longitude)</Row>
        <Row label="Problem it addresses"><span className="vigil-prewrap">{d.problem}</span></Row>
        <Row label="Evidence">
          {d.evidence.total === 1 ? '1 incident' : `${d.evidence.total} incidents`} logged within {d.evidence.radiusM} metres from {formatUkDay(d.evidence.from)} to {formatUkDay(d.evidence.to)}
          {d.evidence.byCategory.length > 0 && (
            <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">{d.evidence.byCategory.map((c) => <li key={c.category}>{c.name}: {c.count}</li>)}</ul>
          )}
        </Row>
        <Row label="Proposed duration">{d.proposedDays === 1 ? '1 day' : `${d.proposedDays} days`}</Row>
        <Row label="Alternatives considered"><span className="vigil-prewrap">{d.alternatives}</span></Row>
        <Row label="DPIA reference">{d.dpiaReference}</Row>
        <Row label="Requested">{formatDateTime(d.requestedAt)} by {d.requestedBy.name}</Row>
      </dl>

      {photoEvent && (
        <>
          <h2 className="govuk-heading-m">Signage</h2>
          <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
            <img src={signagePhotoHref(d.id)} alt={`The signage put up with the camera at ${d.locationText}`} style={{ maxWidth: '100%', maxHeight: '24rem' }} />
            <figcaption className="govuk-body-s">Photographed when the camera went up on {formatUkDay(photoEvent.onDay ?? undefined)}. SHA-256 {photoEvent.signagePhotoSha256}</figcaption>
          </figure>
        </>
      )}

      <Actions deployment={d} actions={actions} done={done} />

      <h2 className="govuk-heading-m">What has happened</h2>
      <p className="govuk-body-s">Each step is kept as it was recorded; nothing here is changed or removed.</p>
      <ol className="govuk-list">
        {d.events.map((e) => <EventItem key={e.seq} event={e} />)}
      </ol>
    </>
  );
}

function EventItem({ event: e }: { event: DeploymentEvent }) {
  const answer = (v: boolean | null) => (v ? 'yes' : 'no');
  return (
    <li className="govuk-!-margin-bottom-4" style={{ borderLeft: '4px solid #b1b4b6', paddingLeft: '0.75em' }}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{DEPLOYMENT_EVENT_KINDS[e.kind]}: {formatDateTime(e.at)}</h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1">By {e.by.name}{e.onDay ? `, on ${formatUkDay(e.onDay)}` : ''}.</p>
      {e.camera && <p className="govuk-body-s govuk-!-margin-bottom-1">Camera {e.camera.reference} {e.camera.name}{e.reviewPeriodDays ? `, reviewed every ${e.reviewPeriodDays} days` : ''}.</p>}
      {e.kind === 'reviewed' && <p className="govuk-body-s govuk-!-margin-bottom-1">Still necessary: {answer(e.isNecessary)}. Still proportionate: {answer(e.isProportionate)}.</p>}
      {e.reason && <p className="govuk-body-s govuk-!-margin-bottom-1 vigil-prewrap">{e.kind === 'reviewed' ? 'Notes' : 'Reasons'}: {e.reason}</p>}
      {e.reviewDueOn && <p className="govuk-body-s govuk-!-margin-bottom-1">Next review due {formatUkDay(e.reviewDueOn)}.</p>}
    </li>
  );
}

function Actions({ deployment: d, actions, done }: { deployment: Deployment; actions: ReturnType<typeof actionsFor>; done: Done }) {
  const any = actions.decide !== 'no' || actions.withdraw || actions.deploy || actions.review || actions.remove;
  if (!any) {
    const waiting = d.state === 'requested' ? 'A coordinator decides this request.' : d.state === 'approved' ? 'Approved: waiting for a camera to be put up.' : undefined;
    return waiting ? <p className="govuk-inset-text">{waiting}</p> : null;
  }
  return (
    <>
      {actions.decide === 'own' && <p className="govuk-inset-text">You made this request, so another coordinator must decide it.</p>}
      {actions.decide === 'yes' && <DecideForm d={d} done={done} />}
      {actions.decide === 'no' && d.state === 'requested' && <p className="govuk-inset-text">A coordinator decides this request.</p>}
      {actions.deploy && <DeployForm d={d} done={done} />}
      {actions.review && <ReviewForm d={d} done={done} />}
      {actions.remove && <RemoveForm d={d} done={done} />}
      {actions.withdraw && <WithdrawForm d={d} done={done} />}
    </>
  );
}

function DecideForm({ d, done }: { d: Deployment; done: Done }) {
  const [decision, setDecision] = useState('');
  const [reasons, setReasons] = useState('');
  const form = useWriteForm({ scope: `deployment-${d.id}`, prefix: 'decide', fields: ['decision', 'reasons'], fallbackField: 'reasons', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([['decision', !decision && 'Choose approve or refuse']]))) return;
    if (await form.run(() => decideDeployment(d.id, { decision: decision as 'approve' | 'refuse', reasons }), 'Decided')) {
      done(`Request ${d.reference} ${decision === 'approve' ? 'approved' : 'refused'}.`);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decide-title">
      <h2 className="govuk-heading-m" id="decide-title">Decide the request</h2>
      <ErrorSummary errors={form.errors} />
      <RadiosField id={form.id('decision')} legend="Your decision" value={decision} onChange={setDecision} error={form.field('decision')} inline
        options={[{ value: 'approve', label: 'Approve' }, { value: 'refuse', label: 'Refuse' }]} />
      <TextareaField id={form.id('reasons')} label="Reasons for the decision" hint="Why the camera is, or is not, necessary and proportionate here. Kept with the decision, which is final."
        value={reasons} onChange={setReasons} error={form.field('reasons')} />
      <Button disabled={form.busy}>Record the decision</Button>
    </form>
  );
}

function WithdrawForm({ d, done }: { d: Deployment; done: Done }) {
  const [reason, setReason] = useState('');
  const form = useWriteForm({ scope: `deployment-${d.id}`, prefix: 'withdraw', fields: ['reason'], fallbackField: 'reason', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.run(() => withdrawDeployment(d.id, reason), 'Withdrawn')) done(`Request ${d.reference} withdrawn.`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="withdraw-title">
      <h2 className="govuk-heading-m" id="withdraw-title">Withdraw the request</h2>
      <ErrorSummary errors={form.errors} />
      <TextareaField id={form.id('reason')} label="Why is the request withdrawn?" value={reason} onChange={setReason} error={form.field('reason')} rows={3} />
      <Button variant="warning" disabled={form.busy}>Withdraw the request</Button>
    </form>
  );
}

/** An upload refused (too large, not an image) is about the photo field. */
const asPhotoError = (err: unknown) =>
  err instanceof ApiError && !err.fieldErrors.length ? new ApiError({ ...err.problem, errors: [{ path: 'photo', message: err.message }] }) : renameFields(err, { file: 'photo' });

function DeployForm({ d, done }: { d: Deployment; done: Done }) {
  const cameras = useQuery(mobileCameraHistoryQuery);
  // The register's map leaves decommissioned cameras out: neither may they go up (until it has loaded, all are offered; the server refuses them).
  const inService = useQuery(cameraMapQuery());
  const usable = inService.data && new Set(inService.data.map((c) => c.id));
  const free = (cameras.data ?? []).filter((c) => !c.current && (!usable || usable.has(c.camera.id)));
  const [cameraId, setCameraId] = useState('');
  const [deployedOn, setDeployedOn] = useState(todayUk);
  const [period, setPeriod] = useState(String(DEFAULT_REVIEW_PERIOD_DAYS));
  const [signage, setSignage] = useState<string[]>([]);
  const [photo, setPhoto] = useState<File>();
  const uploaded = useRef<{ file: File; sha256: string }>(undefined);
  const form = useWriteForm({
    scope: `deployment-${d.id}`, prefix: 'deploy', fields: ['cameraId', 'deployedOn', 'reviewPeriodDays', 'signage', 'photo'], fallbackField: 'cameraId', refresh: REFRESH,
  });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const day = dayField(deployedOn, 'the day the camera was put up');
    const days = Number(period.trim());
    if (!form.check(fieldErrors([
      ['cameraId', !cameraId && 'Choose the mobile camera'],
      ['deployedOn', day.problem],
      ['reviewPeriodDays', (!period.trim() || !Number.isInteger(days)) && 'Enter the review period as a whole number of days'],
      ['signage', !signage.length && 'Confirm that the signage is in place'],
      ['photo', !photo && 'Choose the photo of the signage (JPEG or PNG)'],
    ]))) return;
    const ok = await form.run(async () => {
      let sha256 = uploaded.current?.file === photo ? uploaded.current?.sha256 : undefined;
      if (!sha256) {
        try { sha256 = (await uploadSignagePhoto(photo!)).sha256; } catch (err) { throw asPhotoError(err); }
        uploaded.current = { file: photo!, sha256 };
      }
      try {
        await deployCamera(d.id, { cameraId, deployedOn: day.day!, reviewPeriodDays: days, signagePhotoSha256: sha256 });
      } catch (err) { throw renameFields(err, { signagePhotoSha256: 'photo' }); }
    }, 'Deployed');
    if (ok) {
      const camera = free.find((c) => c.camera.id === cameraId)?.camera;
      done(`Camera ${camera?.reference ?? ''} deployed on ${d.reference} at ${d.locationText}.`);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="deploy-title">
      <h2 className="govuk-heading-m" id="deploy-title">Put up a camera</h2>
      <ErrorSummary errors={form.errors} />
      {cameras.isError && <p className="govuk-body">The mobile cameras could not be loaded. {cameras.error.message}</p>}
      <SelectField id={form.id('cameraId')} label="Mobile camera" hint="Mobile cameras not deployed elsewhere" value={cameraId} onChange={setCameraId} error={form.field('cameraId')}
        options={[{ value: '', label: free.length ? 'Choose a camera' : 'No mobile camera is free' }, ...free.map((c) => ({ value: c.camera.id, label: `${c.camera.reference} ${c.camera.name}` }))]} />
      <TextField id={form.id('deployedOn')} label="Day it was put up" hint="For example, 3/12/2026" value={deployedOn} onChange={setDeployedOn} error={form.field('deployedOn')} width="10" autoComplete="off" spellCheck={false} />
      <TextField id={form.id('reviewPeriodDays')} label="Review it every, in days" hint={`Between ${REVIEW_PERIOD_LIMITS.min} and ${REVIEW_PERIOD_LIMITS.max} days; ${DEFAULT_REVIEW_PERIOD_DAYS} unless there is a reason for another`}
        value={period} onChange={setPeriod} error={form.field('reviewPeriodDays')} width="5" autoComplete="off" spellCheck={false} />
      <CheckboxesField id={form.id('signage')} legend="Signage" values={signage} onChange={setSignage} error={form.field('signage')}
        options={[{ value: 'yes', label: 'The signage is in place', hint: 'Signs that say a camera is in use, who runs it and how to contact them' }]} />
      <div className={`govuk-form-group${form.field('photo') ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={form.id('photo')}>Photo of the signage</label>
        <div className="govuk-hint" id={`${form.id('photo')}-hint`}>A JPEG or PNG, 5 MB at most</div>
        {form.field('photo') && <p className="govuk-error-message" id={`${form.id('photo')}-error`}><span className="govuk-visually-hidden">Error:</span> {form.field('photo')}</p>}
        <input className={`govuk-file-upload${form.field('photo') ? ' govuk-file-upload--error' : ''}`} id={form.id('photo')} name="photo" type="file" accept="image/jpeg,image/png"
          aria-describedby={`${form.id('photo')}-hint${form.field('photo') ? ` ${form.id('photo')}-error` : ''}`}
          onChange={(e) => setPhoto(e.target.files?.[0])} />
      </div>
      <Button disabled={form.busy}>Record the deployment</Button>
    </form>
  );
}

function ReviewForm({ d, done }: { d: Deployment; done: Done }) {
  const [reviewedOn, setReviewedOn] = useState(todayUk);
  const [necessary, setNecessary] = useState('');
  const [proportionate, setProportionate] = useState('');
  const [notes, setNotes] = useState('');
  const [next, setNext] = useState('');
  const form = useWriteForm({
    scope: `deployment-${d.id}`, prefix: 'review', fields: ['reviewedOn', 'isNecessary', 'isProportionate', 'notes', 'nextReviewOn'], fallbackField: 'reviewedOn', refresh: REFRESH,
  });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const on = dayField(reviewedOn, 'the day of the review');
    const justified = necessary !== 'no' && proportionate !== 'no';
    const nextDay = dayField(justified ? next : '', 'the next review date', { optional: true });
    if (!form.check(fieldErrors([
      ['reviewedOn', on.problem],
      ['isNecessary', !necessary && 'Say whether the camera is still necessary'],
      ['isProportionate', !proportionate && 'Say whether the camera is still proportionate'],
      ['nextReviewOn', nextDay.problem],
    ]))) return;
    if (await form.run(() => reviewDeployment(d.id, { reviewedOn: on.day!, isNecessary: necessary === 'yes', isProportionate: proportionate === 'yes', notes, nextReviewOn: nextDay.day }), 'Reviewed')) {
      done(`Review of ${d.reference} recorded.`);
      setNecessary(''); setProportionate(''); setNotes(''); setNext('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="review-title">
      <h2 className="govuk-heading-m" id="review-title">Review the deployment</h2>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('reviewedOn')} label="Day of the review" hint="For example, 3/12/2026" value={reviewedOn} onChange={setReviewedOn} error={form.field('reviewedOn')} width="10" autoComplete="off" spellCheck={false} />
      <RadiosField id={form.id('isNecessary')} legend="Is the camera still necessary?" value={necessary} onChange={setNecessary} error={form.field('isNecessary')} options={YES_NO} inline />
      <RadiosField id={form.id('isProportionate')} legend="Is it still proportionate?" value={proportionate} onChange={setProportionate} error={form.field('isProportionate')} options={YES_NO} inline />
      <TextareaField id={form.id('notes')} label="Notes" hint="Required when the answer to either is no: say why, and what happens next" value={notes} onChange={setNotes} error={form.field('notes')} rows={3} />
      {necessary === 'no' || proportionate === 'no' ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>A camera no longer necessary or proportionate must come down: it will be listed to take down, with no further review, until it is removed.</strong>
        </div>
      ) : (
        <TextField id={form.id('nextReviewOn')} label="Next review (optional)" hint={`Leave empty for ${d.events.findLast((e) => e.reviewPeriodDays)?.reviewPeriodDays ?? DEFAULT_REVIEW_PERIOD_DAYS} days after this review`}
          value={next} onChange={setNext} error={form.field('nextReviewOn')} width="10" autoComplete="off" spellCheck={false} />
      )}
      <Button disabled={form.busy}>Record the review</Button>
    </form>
  );
}

function RemoveForm({ d, done }: { d: Deployment; done: Done }) {
  const [removedOn, setRemovedOn] = useState(todayUk);
  const [reason, setReason] = useState('');
  const form = useWriteForm({ scope: `deployment-${d.id}`, prefix: 'remove', fields: ['removedOn', 'reason'], fallbackField: 'reason', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const on = dayField(removedOn, 'the day the camera was taken down');
    if (!form.check(fieldErrors([['removedOn', on.problem]]))) return;
    if (await form.run(() => removeCamera(d.id, { removedOn: on.day!, reason }), 'Removed')) done(`Camera ${d.camera?.reference ?? ''} taken down from ${d.reference}: back in store.`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="remove-title">
      <h2 className="govuk-heading-m" id="remove-title">Take the camera down</h2>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('removedOn')} label="Day it was taken down" hint="For example, 3/12/2026" value={removedOn} onChange={setRemovedOn} error={form.field('removedOn')} width="10" autoComplete="off" spellCheck={false} />
      <TextareaField id={form.id('reason')} label="Why was it taken down?" value={reason} onChange={setReason} error={form.field('reason')} rows={3} />
      <Button variant="secondary" disabled={form.busy}>Record the removal</Button>
    </form>
  );
}
