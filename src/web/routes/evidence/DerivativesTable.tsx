import { CLIP_MODES, DERIVATIVE_KINDS, JOB_STATES, exhibitFileHref, isPending, type Derivative } from '../../api/evidence';
import { TableHead } from '../../components/TableHead';
import { formatDateTime } from '../../../domain/calendar/london';
import { formatPlayerTime } from './frames';
import { JobStateTag } from './tags';
import { ffmpegVersionOf, formatBytes, shortHash } from './words';

/**
 * The exhibit's working copies, clips and stills: what each is, how far its job has got (the page
 * asks again every 2 seconds while one is waiting or in progress), its SHA-256, and exactly how it
 * was made (the ffmpeg version and arguments), so that anyone can make it again.
 */
export function DerivativesTable({ exhibitId, derivatives }: { exhibitId: string; derivatives: Derivative[] }) {
  return (
    <section aria-labelledby="derivatives-title">
      <h2 className="govuk-heading-m" id="derivatives-title">Working copies and stills</h2>
      {/* Progress in words, in quarters so that it does not chatter; a job's end is said once. */}
      <p className="govuk-visually-hidden" role="status" aria-live="polite">
        {derivatives.filter((d) => isPending(d.state) || d.completedAt).slice(-5)
          .map((d) => `${d.reference}: ${JOB_STATES[d.state]}${d.state === 'running' ? ` ${Math.floor(d.progress * 4) * 25}%` : ''}`).join('. ')}
      </p>
      {!derivatives.length ? <p className="govuk-body">None yet. The masters are never changed: copies are made from them.</p> : (
        <div className="vigil-table-wrap">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-visually-hidden">Working copies and stills</caption>
            <TableHead columns={['Reference', 'What', 'State', 'SHA-256', 'Made with', 'File']} />
            <tbody className="govuk-table__body">
              {derivatives.map((d) => (
                <tr className="govuk-table__row" key={d.id}>
                  <th scope="row" className="govuk-table__header vigil-nowrap">{d.reference}</th>
                  <td className="govuk-table__cell">{describeDerivative(d)}<span className="vigil-secondary-text">{d.purpose} – {d.requestedBy.name}, {formatDateTime(d.requestedAt)}</span></td>
                  <td className="govuk-table__cell"><State derivative={d} /></td>
                  <td className="govuk-table__cell">{d.sha256 ? <code className="vigil-hash" title={d.sha256}>{shortHash(d.sha256)}</code> : '–'}</td>
                  <td className="govuk-table__cell">
                    {d.ffmpegVersion ? `ffmpeg ${ffmpegVersionOf(d.ffmpegVersion)}` : '–'}
                    {d.ffmpegArgs && (
                      <details className="govuk-details govuk-!-margin-bottom-0">
                        <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Exact arguments<span className="govuk-visually-hidden"> for {d.reference}</span></span></summary>
                        <div className="govuk-details__text">
                          <pre className="vigil-pre vigil-break">{d.ffmpegArgs.join(' ')}</pre>
                          {d.ffmpegVersion && <p className="govuk-body-s govuk-!-margin-bottom-1">{d.ffmpegVersion}</p>}
                          <p className="govuk-body-s">Made from SHA-256 <code className="vigil-hash">{d.parentSha256}</code>. Full SHA-256 of {d.reference}: <code className="vigil-hash">{d.sha256}</code></p>
                        </div>
                      </details>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {d.state === 'done' && d.sha256 ? (
                      <a className="govuk-link" href={exhibitFileHref(exhibitId, d.sha256, { download: true })} download>
                        Download<span className="govuk-visually-hidden"> {d.reference}</span>
                      </a>
                    ) : '–'}
                    {d.sizeBytes !== null && <span className="vigil-secondary-text">{formatBytes(d.sizeBytes)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function describeDerivative(d: Derivative): string {
  const caption = d.caption ? ', captioned' : '';
  if (d.kind === 'clip') {
    const span = (a: number | null, b: number | null) => (a !== null && b !== null ? `${formatPlayerTime(a)} to ${formatPlayerTime(b)}` : '');
    const [asked, cut] = [span(d.startS, d.endS), span(d.realStartS, d.realEndS)];
    // Where it really cut, when that is not where it was asked to (a stream copy starts on a key frame).
    const where = cut && cut !== asked ? `${asked}, cut at ${cut}` : asked;
    return `Clip ${where} (${d.mode === 'copy' ? CLIP_MODES.copy : CLIP_MODES.reencode})${caption}`;
  }
  if (d.kind === 'still') return `Still at ${formatPlayerTime(d.startS ?? 0)}${caption}`;
  return `${DERIVATIVE_KINDS[d.kind]}${caption}`;
}

function State({ derivative: d }: { derivative: Derivative }) {
  const percent = Math.round(d.progress * 100);
  return (
    <>
      <JobStateTag state={d.state} />
      {isPending(d.state) && (
        <>
          <progress className="vigil-progress" max={100} value={d.state === 'running' ? percent : undefined} aria-label={`${d.reference} progress`} />
          <span className="govuk-body-s">{d.state === 'running' ? `${percent}%` : 'Waiting to start'}</span>
        </>
      )}
      {d.failure && <span className="govuk-error-message govuk-!-margin-bottom-0">{d.failure}</span>}
    </>
  );
}
