import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { createLine, LINE_KINDS, updateLine, type LineDetail, type LineKind } from '../../../api/maintenanceLines';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatUkDay, parseUkDate } from '../../../../domain/calendar/london';
import { TextareaField } from '../../occurrences/Radios';
import { parsePounds, penceAsPounds } from '../../../lib/money';

const FIELDS = ['reference', 'provider', 'kind', 'circuitId', 'monthlyCostPence', 'contractEndsOn', 'notes'];
const KIND_OPTIONS = [{ value: '', label: 'Choose the kind' }, ...Object.entries(LINE_KINDS).map(([value, label]) => ({ value, label }))];

/** Recording a line (then its page opens) or changing one (`line`, with the version read): what was typed stays when it is refused. */
export function LineForm({ line, done }: { line?: LineDetail; done?: (text: string) => void }) {
  const navigate = useNavigate();
  const [reference, setReference] = useState(line?.reference ?? '');
  const [provider, setProvider] = useState(line?.provider ?? '');
  const [kind, setKind] = useState<string>(line?.kind ?? '');
  const [circuitId, setCircuitId] = useState(line?.circuitId ?? '');
  const [cost, setCost] = useState(line ? penceAsPounds(line.monthlyCostPence) : '');
  const [endsOn, setEndsOn] = useState(line?.contractEndsOn ? formatUkDay(line.contractEndsOn) : '');
  const [notes, setNotes] = useState(line?.notes ?? '');
  const prefix = line ? 'edit' : 'line';
  const form = useWriteForm({ scope: line ? `line-${line.id}` : 'lines', prefix, fields: FIELDS, fallbackField: 'reference', refresh: [['lines']] });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const monthly = parsePounds(cost, 'monthly cost', { optional: true });
    const day = endsOn.trim() ? parseUkDate(endsOn) : null;
    if (!form.check(fieldErrors([
      ['kind', !kind && 'Choose the kind of line: fibre, 4G, radio or copper'],
      ['monthlyCostPence', monthly.problem && 'Enter the monthly cost in pounds, for example 45.00'],
      ['contractEndsOn', day === undefined && 'Enter the contract end date as a real date, for example 31/3/2027, or leave it blank'],
    ]))) return;
    const fields = { reference, provider, kind: kind as LineKind, circuitId, monthlyCostPence: monthly.pence!, contractEndsOn: day ?? null, notes };
    let created: LineDetail | undefined;
    const ok = await form.run(async () => {
      if (line) await updateLine(line.id, { ...fields, version: line.version });
      else created = await createLine(fields);
    }, line ? 'Changed' : 'Recorded');
    if (!ok) return;
    if (created) void navigate({ to: '/maintenance/lines/$id', params: { id: created.id } });
    else done?.(`Line ${reference.trim()} changed.`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={line ? 'edit-title' : 'new-line-title'}>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('reference')} label="Reference" hint="As the camera register names the line" value={reference} onChange={setReference} error={form.field('reference')} width="20" spellCheck={false} />
      <TextField id={form.id('provider')} label="Provider" value={provider} onChange={setProvider} error={form.field('provider')} width="20" />
      <SelectField id={form.id('kind')} label="Kind" value={kind} onChange={setKind} error={form.field('kind')} options={KIND_OPTIONS} />
      <TextField id={form.id('circuitId')} label="Circuit id" value={circuitId} onChange={setCircuitId} error={form.field('circuitId')} width="20" spellCheck={false} />
      <TextField id={form.id('monthlyCostPence')} label="Monthly cost, in pounds" hint="For example, 45.00" value={cost} onChange={setCost} error={form.field('monthlyCostPence')} width="10" />
      <TextField id={form.id('contractEndsOn')} label="Contract end date (optional)" hint="For example, 31/3/2027" value={endsOn} onChange={setEndsOn} error={form.field('contractEndsOn')} width="10" autoComplete="off" />
      <TextareaField id={form.id('notes')} label="Notes (optional)" value={notes} onChange={setNotes} error={form.field('notes')} rows={2} />
      <Button disabled={form.busy}>{line ? 'Save the changes' : 'Record the line'}</Button>
    </form>
  );
}
