import type { UploadItem } from './useUploads';
import { progressWords, type UploadOutcome } from './uploadResult';
import { Row } from './SummaryRow';
import { describeProbe, describeSize, formatBytes } from './words';

/** Each upload with its progress (a bar, the figures, and a polite word every 10%), then its outcome. */
export function UploadList({ items, onPause, onResume, onRetry, onDismiss }: {
  items: UploadItem[]; onPause: (key: string) => void; onResume: (key: string) => void; onRetry: (key: string) => void; onDismiss: (key: string) => void;
}) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="uploads-title" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="uploads-title">Uploads</h2>
      <ul className="govuk-list vigil-uploads">
        {items.map((item) => <Item key={item.key} item={item} onPause={onPause} onResume={onResume} onRetry={onRetry} onDismiss={onDismiss} />)}
      </ul>
    </section>
  );
}

function Item({ item, onPause, onResume, onRetry, onDismiss }: { item: UploadItem } & Omit<Parameters<typeof UploadList>[0], 'items'>) {
  const { key, name, size, sent, status, outcome } = item;
  const percent = size ? Math.floor((sent / size) * 100) : 100;
  const finishing = status === 'uploading' && size > 0 && sent >= size;
  const state = status === 'paused' ? 'Paused' : finishing ? 'Checking the file (hash and ffprobe)…' : status === 'uploading' ? 'Uploading' : '';
  return (
    <li className="vigil-upload" aria-labelledby={`${key}-name`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`${key}-name`}>{name}</h3>
      {status !== 'finished' && (
        <>
          <progress className="vigil-progress" id={`${key}-progress`} max={size || 1} value={sent} aria-labelledby={`${key}-name`} aria-describedby={`${key}-figures`} />
          <p className="govuk-body-s govuk-!-margin-bottom-1" id={`${key}-figures`}>
            {formatBytes(sent)} of {formatBytes(size)} ({percent}%){state && ` – ${state}`}
          </p>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
            onClick={() => (status === 'paused' ? onResume(key) : onPause(key))} disabled={finishing}>
            {status === 'paused' ? 'Resume' : 'Pause'}<span className="govuk-visually-hidden"> upload of {name}</span>
          </button>
        </>
      )}
      <div role="status" aria-live="polite" className="govuk-visually-hidden">
        {status === 'finished' && outcome ? `${name}: ${outcomeWords(outcome)}` : status === 'paused' ? `${name}: paused` : progressWords({ name, sent, total: size })}
      </div>
      {outcome && <Outcome outcome={outcome} />}
      {outcome?.kind === 'failed' && (
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={() => onRetry(key)}>
          Try again<span className="govuk-visually-hidden"> to upload {name}</span>
        </button>
      )}
      {status === 'finished' && (
        <button type="button" className="vigil-link-button govuk-body-s" onClick={() => onDismiss(key)}>
          Remove from this list<span className="govuk-visually-hidden">: {name}</span>
        </button>
      )}
    </li>
  );
}

function outcomeWords(outcome: UploadOutcome): string {
  if (outcome.kind === 'stored') return outcome.duplicate ? 'already in Vigil: the same file was uploaded before' : 'stored';
  if (outcome.kind === 'refused') return `refused: ${outcome.reason}`;
  return `upload failed: ${outcome.detail}`;
}

function Outcome({ outcome }: { outcome: UploadOutcome }) {
  if (outcome.kind === 'refused') {
    return (
      <div className="govuk-error-message">
        <strong className="govuk-tag govuk-tag--red">Refused</strong> {outcome.reason}. {outcome.detail}
      </div>
    );
  }
  if (outcome.kind === 'failed') {
    return <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> The upload failed. {outcome.detail}</p>;
  }
  const r = outcome.recording;
  return (
    <>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        <strong className="govuk-tag govuk-tag--green">Stored</strong>
        {outcome.duplicate && <> This file was already in Vigil: the same bytes were uploaded before{r.exhibit ? `, and are exhibit ${r.exhibit.reference}` : ''}.</>}
      </p>
      <dl className="govuk-summary-list govuk-summary-list--no-border vigil-summary-compact">
        <Row label="SHA-256"><code className="vigil-hash">{r.sha256}</code></Row>
        <Row label="Size">{describeSize(r.sizeBytes)}</Row>
        <Row label="What ffprobe found">{describeProbe(r.probe)}</Row>
        <Row label="Plays in a browser">{r.playable ? 'Yes, as it is' : r.format === 'video' ? 'Not as it is: a working copy will be made to play' : 'No'}</Row>
        {r.note && <Row label="Note">{r.note}</Row>}
      </dl>
    </>
  );
}
