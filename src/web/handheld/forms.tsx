// GOV.UK-style form parts for the handheld: a label on every field, the error beside it (and in a
// summary at the top that links to it), big touch targets.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { FieldPoint } from '../../domain/field/sync';
import { uuid } from './crypto';
import type { NewPhoto } from './outbox';

export type Errors = Record<string, string>;
const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** The payload checked by its schema from the sync contract: the parsed value, or an error per field. */
export function check<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.infer<S> } | { ok: false; errors: Errors } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: JSON.parse(JSON.stringify(r.data)) };
  const errors: Errors = {};
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join('.');
    // A point's latitude or longitude is reported on the point.
    const key = /^point\./.test(path) ? 'point' : path;
    // zod's own words for an option not chosen name the codes ("expected one of "affixed"|…"): never shown.
    errors[key] ??= issue.code === 'invalid_value' ? 'Choose one of the options' : issue.message;
  }
  return { ok: false, errors };
}

export function ErrorSummary({ errors, labels = {} }: { errors: Errors; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  // In the order of the fields on the screen, whichever order the checks found them in.
  const keys = Object.keys(errors).sort(inFieldOrder);
  useEffect(() => { if (keys.length) ref.current?.focus(); }, [errors]);
  if (!keys.length) return null;
  return (
    <div className="hh-error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {keys.map((k) => <li key={k}><a href={`#${fieldId(k)}`} onClick={(e) => { e.preventDefault(); document.getElementById(fieldId(k))?.focus(); }}>{labels[k] ? `${labels[k]}: ` : ''}{errors[k]}</a></li>)}
      </ul>
    </div>
  );
}

function inFieldOrder(a: string, b: string) {
  const x = document.getElementById(fieldId(a));
  const y = document.getElementById(fieldId(b));
  if (!x || !y) return x ? -1 : y ? 1 : 0; // a field not on the screen (the PCN's number) goes last
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function Wrap({ path, label, hint, error, children }: { path: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  const id = fieldId(path);
  return (
    <div className={`hh-field${error ? ' hh-field--error' : ''}`}>
      <label className="hh-label" htmlFor={id}>{label}</label>
      {hint && <div className="hh-hint" id={`${id}-hint`}>{hint}</div>}
      {error && <p className="hh-error" id={`${id}-error`}><span className="hh-visually-hidden">Error:</span> {error}</p>}
      {children}
    </div>
  );
}
const describedBy = (path: string, hint?: ReactNode, error?: string) =>
  [hint ? `${fieldId(path)}-hint` : '', error ? `${fieldId(path)}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField({ path, label, hint, error, value, onChange, type = 'text', ...rest }: {
  path: string; label: ReactNode; hint?: ReactNode; error?: string; value: string; onChange: (v: string) => void;
  type?: string; autoComplete?: string; inputMode?: 'text' | 'numeric' | 'decimal'; spellCheck?: boolean; autoCapitalize?: string;
}) {
  return (
    <Wrap path={path} label={label} hint={hint} error={error}>
      <input className="hh-input" id={fieldId(path)} name={path} type={type} value={value} onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(path, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </Wrap>
  );
}

export function TextArea({ path, label, hint, error, value, onChange, rows = 4 }: { path: string; label: ReactNode; hint?: ReactNode; error?: string; value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <Wrap path={path} label={label} hint={hint} error={error}>
      <textarea className="hh-textarea" id={fieldId(path)} name={path} rows={rows} value={value} onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(path, hint, error)} aria-invalid={error ? true : undefined} />
    </Wrap>
  );
}

export function SelectField({ path, label, hint, error, value, onChange, options, placeholder = 'Choose…' }: {
  path: string; label: ReactNode; hint?: ReactNode; error?: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder?: string;
}) {
  return (
    <Wrap path={path} label={label} hint={hint} error={error}>
      <select className="hh-select" id={fieldId(path)} name={path} value={value} onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(path, hint, error)} aria-invalid={error ? true : undefined}>
        <option value="">{placeholder}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrap>
  );
}

export function Radios({ path, legend, error, value, onChange, options }: { path: string; legend: string; error?: string; value: string; onChange: (v: string) => void; options: { value: string; label: string; hint?: string }[] }) {
  const id = fieldId(path);
  return (
    <div className={`hh-field${error ? ' hh-field--error' : ''}`}>
      <fieldset className="hh-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="hh-legend">{legend}</legend>
        {error && <p className="hh-error" id={`${id}-error`}><span className="hh-visually-hidden">Error:</span> {error}</p>}
        {options.map((o, i) => (
          <div className="hh-radio" key={o.value}>
            <input type="radio" id={i === 0 ? id : `${id}-${o.value}`} name={path} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}{o.hint && <span className="hh-hint"> {o.hint}</span>}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Checkbox({ path, label, checked, onChange }: { path: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="hh-checkbox">
      <input type="checkbox" id={fieldId(path)} name={path} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={fieldId(path)}>{label}</label>
    </div>
  );
}

/** Photos taken with the phone's camera (or chosen), kept in memory until the record is saved. */
export function PhotoField({ photos, onChange, error }: { photos: NewPhoto[]; onChange: (p: NewPhoto[]) => void; error?: string }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    const made: Record<string, string> = {};
    for (const p of photos) made[p.id] = URL.createObjectURL(new Blob([p.bytes], { type: p.type }));
    setUrls(made);
    return () => { for (const u of Object.values(made)) URL.revokeObjectURL(u); };
  }, [photos]);
  return (
    <Wrap path="photoIds" label="Photos (optional)" hint="Take a photo with the camera. You can add more than one." error={error}>
      <input className="hh-file" id={fieldId('photoIds')} type="file" accept="image/*" capture="environment" multiple
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          const added = await Promise.all(files.map(async (f) => ({ id: uuid(), bytes: await f.arrayBuffer(), type: f.type || 'image/jpeg' })));
          onChange([...photos, ...added]);
        }} />
      {photos.length > 0 && (
        <ul className="hh-photos" aria-label="Photos taken">
          {photos.map((p, i) => (
            <li key={p.id}>
              {urls[p.id] && <img src={urls[p.id]} alt={`Photo ${i + 1}`} />}
              <button type="button" className="hh-button hh-button--secondary hh-button--small" onClick={() => onChange(photos.filter((x) => x.id !== p.id))}>Remove photo {i + 1}</button>
            </li>
          ))}
        </ul>
      )}
    </Wrap>
  );
}

/** The point, from the phone's location (asked for once the screen opens), which the officer may correct. */
export function PointField({ point, onChange, error }: { point: FieldPoint | null; onChange: (p: FieldPoint | null) => void; error?: string }) {
  const [status, setStatus] = useState('');
  const locate = () => {
    if (!('geolocation' in navigator)) { setStatus('This phone cannot give its location: enter it below.'); return; }
    setStatus('Finding your location…');
    navigator.geolocation.getCurrentPosition(
      (pos) => { onChange({ lat: round(pos.coords.latitude), lon: round(pos.coords.longitude), accuracyM: Math.round(pos.coords.accuracy) }); setStatus('Location found.'); },
      () => setStatus('Your location could not be found: enter it below, or try again outside.'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };
  useEffect(() => { if (!point) locate(); }, []);
  const set = (k: 'lat' | 'lon', v: string) => {
    const n = Number(v);
    const base = point ?? { lat: 0, lon: 0, accuracyM: null };
    onChange(v.trim() === '' || Number.isNaN(n) ? null : { ...base, [k]: n, accuracyM: null });
  };
  const id = fieldId('point');
  return (
    <div className={`hh-field${error ? ' hh-field--error' : ''}`}>
      <fieldset className="hh-fieldset" aria-describedby={`${id}-status${error ? ` ${id}-error` : ''}`}>
        <legend className="hh-legend">Where</legend>
        <p className="hh-hint" id={`${id}-status`} aria-live="polite">{status}{point?.accuracyM ? ` Accurate to about ${point.accuracyM} m.` : ''}</p>
        {error && <p className="hh-error" id={`${id}-error`}><span className="hh-visually-hidden">Error:</span> {error}</p>}
        <div className="hh-row">
          <div><label className="hh-label" htmlFor={id}>Latitude</label>
            <input className="hh-input" id={id} inputMode="decimal" value={point ? String(point.lat) : ''} onChange={(e) => set('lat', e.target.value)} /></div>
          <div><label className="hh-label" htmlFor={`${id}-lon`}>Longitude</label>
            <input className="hh-input" id={`${id}-lon`} inputMode="decimal" value={point ? String(point.lon) : ''} onChange={(e) => set('lon', e.target.value)} /></div>
        </div>
        <button type="button" className="hh-button hh-button--secondary" onClick={locate}>Use my location</button>
      </fieldset>
    </div>
  );
}
const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function Panel({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return <div className="hh-panel" role="status" tabIndex={-1} ref={ref}><h2>{title}</h2>{children}</div>;
}
