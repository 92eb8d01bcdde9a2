import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CHECK_ITEMS, CHECK_KINDS, EQUIPMENT_STATUSES, SHIFTS, currentRoundQuery, equipmentQuery, recordCheckResult,
  type CheckItem, type CheckKind, type CheckOutcome, type CheckRound, type Target,
} from '../../../api/checks';
import { isApiError } from '../../../api/client';
import { cameraQuery } from '../../../api/estate';
import { Button, TextField } from '../../../components/fields';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { isTyping, readEnabled } from '../../../components/KeyboardShortcuts';
import { useTitle } from '../../../components/useTitle';
import { errorMessage, fieldErrors, formErrorsFrom, type FormErrors } from '../../../lib/errors';
import { formatUkDay } from '../../../../domain/calendar/london';
import { labelOf } from '../../../../domain/labels';
import { EstateNav } from '../EstateNav';
import { CameraStatusTag } from '../tags';
import {
  BACK_KEY, OUTCOME_KEYS, back, choose, countWords, currentItem, entryWords, giveNote, isReadyToSave, keyAction, markSaved, moveOn, nextWords, outcomeWords,
  position, progressWords, promptOf, savedWords, startWalk, targetCountWords, targetWord, unsaved, type Walk,
} from './walk';

/** The operator's screen: the current shift's round of cameras or control-room equipment, one key per result. */
export function ChecksPage({ kind }: { kind: CheckKind }) {
  useTitle(`Daily checks: ${CHECK_KINDS[kind].toLowerCase()}`);
  const round = useQuery(currentRoundQuery(kind));
  return (
    <>
      <h1 className="govuk-heading-l">Daily checks</h1>
      <EstateNav />
      <nav className="vigil-subnav" aria-label="What to check">
        <ul className="vigil-subnav__list">
          {(Object.keys(CHECK_KINDS) as CheckKind[]).map((k) => (
            <li key={k} className="vigil-subnav__item">
              <Link className="govuk-link" to="/estate/checks" search={{ kind: k === 'cameras' ? undefined : k }}
                activeOptions={{ exact: true, explicitUndefined: true }} aria-current={k === kind ? 'page' : undefined}>{CHECK_KINDS[k]}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="govuk-body"><Link className="govuk-link" to="/estate/checks/faults">Faults raised by the checks</Link></p>
      {round.isPending && <p className="govuk-body">Opening this shift’s round…</p>}
      {round.isError && <p className="govuk-body">This shift’s round could not be opened. {errorMessage(round.error)}</p>}
      {round.data && <Round key={round.data.id} round={round.data} kind={kind} />}
    </>
  );
}

type Key = CheckOutcome | 'back';
const KEY_LABELS: Record<CheckOutcome, string> = { pass: 'Pass', fail: 'Fail', not_applicable: 'Not applicable' };

function Round({ round, kind }: { round: CheckRound; kind: CheckKind }) {
  const queryClient = useQueryClient();
  const [walk, setWalk] = useState<Walk>(() => startWalk(round));
  const [counts, setCounts] = useState({ done: round.done, total: round.total });
  const [said, setSaid] = useState('');
  const [faults, setFaults] = useState<{ targetId: string; reference: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FormErrors>();
  /** The round's shift is over: its results go to the new shift's round. */
  const [closed, setClosed] = useState(false);
  const [note, setNote] = useState('');
  const [offset, setOffset] = useState('');
  const [noteErrors, setNoteErrors] = useState<FormErrors>();
  const heading = useRef<HTMLHeadingElement>(null);
  const keysOn = readEnabled();

  async function save(from: Walk) {
    const target = from.target!;
    setSaving(true);
    setErrors(undefined);
    let w = from;
    let next = round.next;
    let answered = false;
    const raised: string[] = [];
    try {
      for (const e of unsaved(from)) {
        const r = await recordCheckResult(round.id, { targetId: target.id, item: e.item, outcome: e.outcome, note: e.note, clockOffsetSeconds: e.clockOffsetSeconds });
        w = markSaved(w, e.item);
        ({ next } = r);
        answered = true;
        setCounts({ done: r.done, total: r.total });
        if (r.fault) raised.push(r.fault.reference);
      }
      if (!answered) next = (await queryClient.fetchQuery(currentRoundQuery(kind))).next;
    } catch (err) {
      // The operator's place is kept: what was saved stays saved, the rest is sent again on "Try again".
      setFaults((f) => [...f, ...raised.map((reference) => ({ targetId: target.id, reference }))]);
      setWalk(w);
      setSaving(false);
      setErrors(formErrorsFrom(err));
      setClosed(isApiError(err) && err.code === 'checks.round_closed');
      setSaid(`The results for ${target.reference} could not all be saved. ${errorMessage(err)}`);
      return;
    }
    const mine = [...faults.filter((f) => f.targetId === target.id).map((f) => f.reference), ...raised];
    setFaults((f) => [...f, ...raised.map((reference) => ({ targetId: target.id, reference }))]);
    const moved = moveOn(w, next);
    setWalk(moved);
    setSaving(false);
    setSaid(`${savedWords({ target, entries: w.entries, faults: mine })} ${nextWords(kind, moved)}`);
    if (!moved.target) void queryClient.invalidateQueries({ queryKey: ['checks'] });
  }

  function act(key: Key) {
    if (saving || !walk.target) return;
    const item = currentItem(walk);
    if (key === 'back') {
      const moved = back(walk);
      if (moved === walk) return;
      setWalk(moved);
      setNoteErrors(undefined);
      setSaid(`Back to ${labelOf(CHECK_ITEMS, currentItem(moved)!)}.`);
      return;
    }
    if (!item || walk.failing) return;
    const moved = choose(walk, key);
    setWalk(moved);
    if (key === 'fail') {
      setNote('');
      setOffset('');
      setSaid(`${labelOf(CHECK_ITEMS, item)}: failed. Say what is wrong, then press Enter.`);
      return;
    }
    advance(moved);
  }

  function advance(moved: Walk) {
    const last = moved.entries.at(-1)!;
    if (isReadyToSave(moved)) {
      setSaid(`${entryWords(last)}. Saving ${moved.target!.reference}…`);
      void save(moved);
    } else setSaid(`${entryWords(last)}. ${nextWords(kind, moved)}`);
  }

  function submitNote(event: React.FormEvent) {
    event.preventDefault();
    const moved = giveNote(walk, { note, offset, toleranceSeconds: round.clockToleranceSeconds });
    if ('errors' in moved) {
      setNoteErrors(fieldErrors(moved.errors));
      return;
    }
    setNoteErrors(undefined);
    setWalk(moved);
    heading.current?.focus();
    advance(moved);
  }

  function cancelNote() {
    setWalk(back(walk));
    setNoteErrors(undefined);
    setSaid(`Fail cancelled. Back to ${labelOf(CHECK_ITEMS, walk.failing!)}.`);
    heading.current?.focus();
  }

  // One key per result, from anywhere on the page but a form field. Listened for before the app's own
  // shortcuts (so N here is "not applicable", not "new occurrence"), and off when the user turned them off.
  const handler = useRef(act);
  handler.current = act;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const key = keyAction(event, { typing: isTyping(event.target), dialogOpen: !!document.querySelector('dialog[open]'), enabled: readEnabled() });
      if (!key) return;
      event.preventDefault();
      handler.current(key);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const item = currentItem(walk);
  const target = walk.target;
  return (
    <>
      <p className="govuk-body">
        {SHIFTS[round.shift]} of {formatUkDay(round.date)}: {counts.done} of {counts.total} {counts.total === 1 ? 'item' : 'items'} checked.
      </p>
      <ErrorSummary errors={noteErrors ?? errors} />
      {errors && (closed
        ? <Button type="button" onClick={() => void queryClient.invalidateQueries({ queryKey: currentRoundQuery(kind).queryKey })}>Open the current shift’s round</Button>
        : <Button type="button" onClick={() => void save(walk)} disabled={saving}>Try saving {target?.reference} again</Button>)}
      <div role="status" aria-live="polite">{said && <p className="govuk-body govuk-!-font-weight-bold">{said}</p>}</div>

      {target ? (
        <section aria-labelledby="check-target">
          <span className="govuk-caption-m">{progressWords(kind, position(walk))}</span>
          <h2 className="govuk-heading-m" id="check-target" ref={heading} tabIndex={-1}>{target.reference} {target.name}</h2>
          <TargetDetails target={target} kind={kind} />
          <ItemList target={target} walk={walk} />

          {walk.failing ? (
            <form onSubmit={submitNote} noValidate onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); cancelNote(); } }}>
              <TextField id="note" label={`What is wrong with the ${labelOf(CHECK_ITEMS, walk.failing).toLowerCase()}?`}
                hint="A failed item needs a note: it goes on the fault. Enter records the failure; Escape goes back." value={note} onChange={setNote}
                error={noteErrors?.fields.note} autoFocus maxLength={2000} />
              {walk.failing === 'clock' && (
                <TextField id="offset" label="How far out is the recorder clock, in seconds? (optional)" value={offset} onChange={setOffset}
                  hint={`Ahead of the reference clock is +, behind is −, like -14. Within ${round.clockToleranceSeconds} seconds is a pass. With this, the note may be left empty.`}
                  error={noteErrors?.fields.offset} width="5" inputMode="numeric" spellCheck={false} />
              )}
              <div className="govuk-button-group">
                <Button>Record the failure</Button>
                <Button type="button" variant="secondary" onClick={cancelNote}>Back</Button>
              </div>
            </form>
          ) : item && (
            <div className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{labelOf(CHECK_ITEMS, item)}</h3>
              <p className="govuk-body">{promptOf(item, round.clockToleranceSeconds)}</p>
              <div className="govuk-button-group">
                {(Object.keys(OUTCOME_KEYS) as CheckOutcome[]).map((o) => (
                  <Button key={o} type="button" variant={o === 'pass' ? undefined : o === 'fail' ? 'warning' : 'secondary'} disabled={saving}
                    aria-keyshortcuts={OUTCOME_KEYS[o]} onClick={() => act(o)}>
                    {KEY_LABELS[o]} <kbd>{OUTCOME_KEYS[o].toUpperCase()}</kbd>
                  </Button>
                ))}
                {walk.entries.some((e) => !e.saved) && (
                  <Button type="button" variant="secondary" disabled={saving} aria-keyshortcuts={BACK_KEY} onClick={() => act('back')}>Back one step <kbd>B</kbd></Button>
                )}
              </div>
              <p className="govuk-body-s">
                {keysOn
                  ? <>Keys: <kbd>P</kbd> pass, <kbd>F</kbd> fail (then say what is wrong), <kbd>N</kbd> not applicable, <kbd>B</kbd> back one step. When the last item is done, the results are saved and the next {targetWord(kind).toLowerCase()} comes up.</>
                  : <>Single-key shortcuts are turned off (press <kbd>?</kbd> to turn them on): use the buttons.</>}
              </p>
            </div>
          )}
          {saving && <p className="govuk-body">Saving {target.reference}…</p>}
        </section>
      ) : round.next ? (
        // Finished here; the round as the server now has it (all its results) is on its way.
        <p className="govuk-body">Adding up the round…</p>
      ) : (
        <Complete round={round} kind={kind} faults={faults.map((f) => f.reference)} />
      )}
    </>
  );
}

/** Where the camera or equipment is, and its status. */
function TargetDetails({ target, kind }: { target: Target; kind: CheckKind }) {
  const camera = useQuery({ ...cameraQuery(target.id), enabled: kind === 'cameras' });
  const equipment = useQuery({ ...equipmentQuery, enabled: kind === 'equipment' });
  const location = kind === 'cameras' ? camera.data?.location : equipment.data?.find((e) => e.id === target.id)?.location;
  return (
    <p className="govuk-body">
      {location && <>{location}. </>}
      Status: {kind === 'cameras' ? <CameraStatusTag status={target.status} /> : labelOf(EQUIPMENT_STATUSES, target.status)}
    </p>
  );
}

/** The target's items in order, with what each has been given so far. */
function ItemList({ target, walk }: { target: Target; walk: Walk }) {
  const now = currentItem(walk);
  const stateOf = (item: CheckItem) => {
    const entry = walk.entries.find((e) => e.item === item);
    if (entry) return outcomeWords(entry);
    if (!walk.items.includes(item)) return 'already checked';
    return item === now ? (walk.failing ? 'failed: say what is wrong' : 'now') : 'to check';
  };
  return (
    <ol className="govuk-list govuk-list--number">
      {target.items.map((i) => (
        <li key={i} aria-current={i === now ? 'step' : undefined} className={i === now ? 'govuk-!-font-weight-bold' : undefined}>
          {labelOf(CHECK_ITEMS, i)}: {stateOf(i)}
        </li>
      ))}
    </ol>
  );
}

function Complete({ round, kind, faults }: { round: CheckRound; kind: CheckKind; faults: string[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const failed = round.results.filter((r) => r.outcome === 'fail').length;
  if (!round.targets.length) {
    return <p className="govuk-body">There is nothing on this shift’s round: no {kind === 'cameras' ? 'cameras' : 'control-room equipment'} in service to check.</p>;
  }
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h2 className="govuk-panel__title" ref={heading} tabIndex={-1}>The {CHECK_KINDS[kind].toLowerCase()} round is complete</h2>
        <div className="govuk-panel__body">
          {targetCountWords(kind, round.targets.length)} checked: {countWords(round.results.map((r) => r.outcome))}.
          {failed > 0 && <> {failed === 1 ? '1 failure' : `${failed} failures`} raised or added to faults{faults.length ? `: ${faults.join(', ')}` : ''}.</>}
        </div>
      </div>
      {failed > 0 && <p className="govuk-body"><Link className="govuk-link" to="/estate/checks/faults">See the faults raised by the checks</Link></p>}
    </>
  );
}
