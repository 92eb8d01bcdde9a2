import { ApiError } from '../../../api/client';
import { ErrorMessage, Hint, TextField, describedBy } from '../../../components/fields';
import { parseExpectedEnd } from './clock';

// What starting a session asks, on the officer's board and on the worker's own page: where, what,
// until when, how often, vehicle, important information, manager; each keeps what was typed.

export const SESSION_FIELDS = ['location', 'task', 'expectedEndAt', 'intervalMinutes', 'vehicle', 'importantInfo', 'managerName', 'managerPhone', 'duressWord'] as const;
export type SessionValues = Record<(typeof SESSION_FIELDS)[number], string>;
export const emptySession = (): SessionValues => ({ location: '', task: '', expectedEndAt: '', intervalMinutes: '30', vehicle: '', importantInfo: '', managerName: '', managerPhone: '', duressWord: '' });

/** The client's own checks on the common fields, by field name. */
export function sessionProblems(v: SessionValues, now = new Date()): Array<[string, string | false]> {
  const end = parseExpectedEnd(v.expectedEndAt, now);
  const interval = Number(v.intervalMinutes);
  return [
    ['expectedEndAt', (v.expectedEndAt.trim() === '' && 'Enter when they expect to finish, like 3/12/2026 23:30') || (end === undefined && 'Enter the expected end like 3/12/2026 23:30, or just 23:30')],
    ['intervalMinutes', !(Number.isInteger(interval) && interval >= 1 && interval <= 240) && 'Enter an interval of 1 to 240 minutes'],
  ];
}

/** The common fields as the API takes them. */
export function sessionBody(v: SessionValues, now = new Date()) {
  return {
    location: v.location, task: v.task, expectedEndAt: parseExpectedEnd(v.expectedEndAt, now) || undefined, intervalMinutes: Number(v.intervalMinutes),
    vehicle: v.vehicle, importantInfo: v.importantInfo, managerName: v.managerName, managerPhone: v.managerPhone,
  };
}

/** The server's nested error paths ("worker.name", "steps.1.label") as this page's field names ("worker-name", "steps-1-label"). */
export async function flatPaths<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!(err instanceof ApiError) || !err.fieldErrors.length) throw err;
    throw new ApiError({ ...err.problem, errors: err.fieldErrors.map((e) => ({ ...e, path: e.path.replace(/\./g, '-') })) });
  }
}

export function TextArea({ id, label, hint, error, value, onChange, rows = 3 }: { id: string; label: string; hint?: string; error?: string; value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <textarea className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id={id} name={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy(id, hint, error)} />
    </div>
  );
}

type Form = { id: (n: string) => string; field: (n: string) => string | undefined };

/** The fields both start forms share; `who` is "they" for the officer and "you" for the worker. */
export function SessionFields({ form, v, set, who, duressRequired }: { form: Form; v: SessionValues; set: (k: keyof SessionValues) => (x: string) => void; who: 'they' | 'you'; duressRequired: boolean }) {
  return (
    <>
      <TextField id={form.id('location')} label={who === 'they' ? 'Where they are working' : 'Where you are working'} hint="An address, a building and floor, or a place" value={v.location} onChange={set('location')} error={form.field('location')} autoComplete="off" />
      <TextField id={form.id('task')} label={who === 'they' ? 'What they are doing' : 'What you are doing'} value={v.task} onChange={set('task')} error={form.field('task')} autoComplete="off" />
      <TextField id={form.id('expectedEndAt')} label="Expected end" hint="London time, like 3/12/2026 23:30, or just 23:30 for the next one to come" value={v.expectedEndAt} onChange={set('expectedEndAt')} error={form.field('expectedEndAt')} width="20" autoComplete="off" />
      <TextField id={form.id('intervalMinutes')} label="Check in every (minutes)" value={v.intervalMinutes} onChange={set('intervalMinutes')} error={form.field('intervalMinutes')} width="4" inputMode="numeric" />
      <TextField id={form.id('vehicle')} label="Vehicle (optional)" hint="Make, colour and registration" value={v.vehicle} onChange={set('vehicle')} error={form.field('vehicle')} autoComplete="off" />
      <TextArea id={form.id('importantInfo')} label="Important information for responders (optional)" hint="Risk markers: a known aggressive person, a dog, no phone signal, a medical condition" value={v.importantInfo} onChange={set('importantInfo')} error={form.field('importantInfo')} />
      <TextField id={form.id('managerName')} label={`${who === 'they' ? 'Their' : 'Your'} manager’s name (optional)`} value={v.managerName} onChange={set('managerName')} error={form.field('managerName')} autoComplete="off" />
      <TextField id={form.id('managerPhone')} label={`${who === 'they' ? 'Their' : 'Your'} manager’s phone (optional)`} value={v.managerPhone} onChange={set('managerPhone')} error={form.field('managerPhone')} width="20" autoComplete="off" />
      <TextField id={form.id('duressWord')} label={duressRequired ? 'Duress word' : 'Duress word (optional)'} type="password" autoComplete="off"
        hint={`A word of at least 3 letters that ${who === 'they' ? 'they' : 'you'} would not say by chance. Given with a check-in, it looks like an ordinary check-in to anyone watching, but the control room calls the police at once. It is stored scrambled and never shown again${who === 'you' ? '; choose one you will remember' : ''}.`}
        value={v.duressWord} onChange={set('duressWord')} error={form.field('duressWord')} width="20" />
    </>
  );
}
