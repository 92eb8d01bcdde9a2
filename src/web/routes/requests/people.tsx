import { useQuery } from '@tanstack/react-query';
import { assigneesQuery } from '../../api/occurrences';
import { CheckboxesField, TextField } from '../../components/fields';
import { cameraPickQuery, type PickedCamera } from '../../api/occurrences';
import { pickHint, pickOptions, useDebounced } from '../occurrences/cameraPick';
import { useState } from 'react';

/** The roles the server lets own a request (those with requests.manage). */
const HANDLER_ROLES = ['enforcement_officer', 'coordinator'];

/** Council staff who may own a request: the council's people (GET /api/v1/assignees) with a role that manages requests. */
export function useRequestHandlers() {
  return useQuery({ ...assigneesQuery, select: (people) => people.filter((p) => p.roles.some((r) => HANDLER_ROLES.includes(r))) });
}

/** Cameras from the register, found by number, name or street (the occurrence log's camera picker); those chosen stay offered. */
export function CameraChoice({ id, values, onChange, error }: { id: string; values: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<PickedCamera[]>([]);
  const found = useQuery(cameraPickQuery({ q: useDebounced(filter) }));
  const shown = pickOptions(found.data ?? [], { chosen: chosen.filter((c) => values.includes(c.id)) });
  const choose = (ids: string[]) => {
    setChosen(ids.flatMap((cid) => shown.find((c) => c.id === cid) ?? []));
    onChange(ids);
  };
  return (
    <>
      <TextField id={`${id}-find`} label="Find a camera" hint="Part of a camera’s number, name or street" type="search" value={filter} onChange={setFilter} width="20" autoComplete="off" spellCheck={false} />
      {found.isError && <p className="govuk-body">The cameras could not be loaded. {found.error.message}</p>}
      <CheckboxesField id={id} legend="Cameras asked about (optional)" hint="Select all that apply." values={values} onChange={choose} error={error}
        options={shown.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}`, hint: pickHint(c) }))} />
      {shown.length === 0 && filter.trim() !== '' && <p className="govuk-body">No cameras match ‘{filter}’.</p>}
    </>
  );
}
