import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import { createPart, createPartStore, partStoresQuery, partsCsvHref, partsQuery, type PartStore, type PartSummary } from '../../../api/maintenanceParts';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { MaintenanceNav } from '../MaintenanceNav';
import { formatPence, parsePounds, parseWholeNumber } from '../../../lib/money';
import { belowWords, DEFAULT_PART_SORT, type PartsSearch } from './search';
import { SortHead } from '../SortHead';
import { BelowTag } from './tags';
import { useBanner } from '../banner';

const COLUMNS = [
  { name: 'Part number', sort: 'part_number' }, { name: 'Description', sort: 'description' }, { name: 'Store', sort: 'store' },
  { name: 'On hand', sort: 'quantity' }, { name: 'Reorder level', sort: 'reorder_level' }, { name: 'Unit cost', sort: 'unit_cost' }, { name: 'Stock value' },
] as const;
const REFRESH = [['parts']];

/** Spare parts across the stores: filtered and sorted by the server, those below their reorder level flagged; the stores; adding a store or a part. */
export function PartsPage({ search, session }: { search: PartsSearch; session: Session }) {
  useTitle('Spare parts');
  const navigate = useNavigate();
  const filters = { storeId: search.storeId, q: search.q, belowReorderLevel: search.below, sort: search.sort };
  const list = useQuery(partsQuery(filters));
  const stores = useQuery(partStoresQuery);
  const [storeId, setStoreId] = useState(search.storeId ?? '');
  const [q, setQ] = useState(search.q ?? '');
  const [below, setBelow] = useState<string[]>(search.below ? ['true'] : []);
  useEffect(() => { setStoreId(search.storeId ?? ''); setQ(search.q ?? ''); setBelow(search.below ? ['true'] : []); }, [search.storeId, search.q, search.below]);
  const { banner, done } = useBanner();
  const filter = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/maintenance/parts', search: { storeId: storeId || undefined, q: q.trim() || undefined, below: below.length ? true : undefined, sort: search.sort } });
  };
  const manage = can(session, 'maintenance.manage');
  const items = list.data?.items ?? [];
  const filtered = !!(search.storeId || search.q || search.below);

  return (
    <>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <h1 className="govuk-heading-l">Spare parts</h1>
      <MaintenanceNav />
      <p className="govuk-body">The council’s own spare parts in each store. Stock moves only by the ledger: received, signed out to the contractor’s engineer, returned, counted.</p>

      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the spare parts">
        <div className="vigil-filter__row">
          <SelectField id="storeId" label="Store" value={storeId} onChange={setStoreId}
            options={[{ value: '', label: 'Any store' }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))]} />
          <TextField id="q" label="Part number or description" type="search" value={q} onChange={setQ} width="20" />
          <CheckboxesField id="below" legend="Stock" values={below} onChange={setBelow} options={[{ value: 'true', label: 'Only below their reorder level' }]} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {list.isPending && <p className="govuk-body">Loading the spare parts…</p>}
      {list.isError && <p className="govuk-body">The spare parts could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          <p className="govuk-body" id="below-count">
            {list.data.belowReorderLevel > 0 ? <strong className="govuk-tag govuk-tag--red">{belowWords(list.data.belowReorderLevel)}</strong> : belowWords(0)}
          </p>
          {items.length > 0 && <p className="govuk-body"><a className="govuk-link" href={partsCsvHref(filters)} download>Download these parts as CSV (spreadsheet)</a></p>}
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--s">{items.length === 1 ? '1 part' : `${items.length} parts`}{filtered ? ' matching the filter' : ''}</caption>
              <SortHead columns={COLUMNS} to="/maintenance/parts" search={search as Record<string, unknown>} sort={search.sort} fallback={DEFAULT_PART_SORT} />
              <tbody className="govuk-table__body">{items.map((p) => <Row key={p.id} part={p} />)}</tbody>
            </table>
          </div>
          {items.length === 0 && <p className="govuk-body">{filtered ? 'No parts match the filter.' : 'No spare parts have been added yet.'}</p>}
        </>
      )}

      <h2 className="govuk-heading-m">Stores</h2>
      {stores.isError && <p className="govuk-body">The stores could not be loaded. {stores.error.message}</p>}
      {stores.data && <StoresTable stores={stores.data} />}
      {manage && <NewStoreForm done={done} />}
      {manage && stores.data && stores.data.length > 0 && <NewPartForm stores={stores.data} done={done} />}
    </>
  );
}

function Row({ part: p }: { part: PartSummary }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/maintenance/parts/$id" params={{ id: p.id }}>{p.partNumber}</Link></td>
      <td className="govuk-table__cell">{p.description}</td>
      <td className="govuk-table__cell">{p.store.name}</td>
      <td className="govuk-table__cell">{p.quantityOnHand} {p.belowReorderLevel && <BelowTag />}</td>
      <td className="govuk-table__cell">{p.reorderLevel}</td>
      <td className="govuk-table__cell vigil-nowrap">{formatPence(p.unitCostPence)}</td>
      <td className="govuk-table__cell vigil-nowrap">{formatPence(p.stockValuePence)}</td>
    </tr>
  );
}

function StoresTable({ stores }: { stores: PartStore[] }) {
  if (!stores.length) return <p className="govuk-body">No stores have been added yet: add one before adding parts.</p>;
  return (
    <table className="govuk-table govuk-table--small-text-until-tablet">
      <caption className="govuk-table__caption govuk-table__caption--s">{stores.length === 1 ? '1 store' : `${stores.length} stores`}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">{['Store', 'Where', 'Parts', 'Below reorder level'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr>
      </thead>
      <tbody className="govuk-table__body">
        {stores.map((s) => (
          <tr key={s.id} className="govuk-table__row">
            <td className="govuk-table__cell"><Link className="govuk-link" to="/maintenance/parts" search={{ storeId: s.id }}>{s.name}</Link></td>
            <td className="govuk-table__cell">{s.location}</td>
            <td className="govuk-table__cell">{s.parts}</td>
            <td className="govuk-table__cell">{s.belowReorderLevel > 0 ? <strong className="govuk-tag govuk-tag--red">{s.belowReorderLevel}</strong> : 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewStoreForm({ done }: { done: (text: string) => void }) {
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const form = useWriteForm({ scope: 'parts', prefix: 'store', fields: ['name', 'location'], fallbackField: 'name', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.run(() => createPartStore({ name, location }), 'Added')) {
      done(`Store ${name.trim()} added.`);
      setName(''); setLocation('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="store-title">
      <h3 className="govuk-heading-s" id="store-title">Add a store</h3>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('name')} label="Store name" value={name} onChange={setName} error={form.field('name')} width="20" />
      <TextField id={form.id('location')} label="Where it is (optional)" value={location} onChange={setLocation} error={form.field('location')} width="30" />
      <Button variant="secondary" disabled={form.busy}>Add the store</Button>
    </form>
  );
}

function NewPartForm({ stores, done }: { stores: PartStore[]; done: (text: string) => void }) {
  const [storeId, setStoreId] = useState('');
  const [partNumber, setPartNumber] = useState('');
  const [description, setDescription] = useState('');
  const [unitCost, setUnitCost] = useState('');
  const [reorderLevel, setReorderLevel] = useState('0');
  const form = useWriteForm({ scope: 'parts', prefix: 'part', fields: ['storeId', 'partNumber', 'description', 'unitCostPence', 'reorderLevel'], fallbackField: 'partNumber', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const cost = parsePounds(unitCost, 'unit cost');
    const level = parseWholeNumber(reorderLevel);
    if (!form.check(fieldErrors([
      ['storeId', !storeId && 'Choose the store'],
      ['unitCostPence', cost.problem && 'Enter the unit cost in pounds, for example 12.50'],
      ['reorderLevel', level === undefined && 'Enter the reorder level as a whole number (0 for none)'],
    ]))) return;
    if (await form.run(() => createPart({ storeId, partNumber, description, unitCostPence: cost.pence!, reorderLevel: level! }), 'Added')) {
      done(`Part ${partNumber.trim()} added to ${stores.find((s) => s.id === storeId)?.name ?? 'the store'}.`);
      setPartNumber(''); setDescription(''); setUnitCost(''); setReorderLevel('0');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="part-title">
      <h2 className="govuk-heading-m" id="part-title">Add a part</h2>
      <ErrorSummary errors={form.errors} />
      <SelectField id={form.id('storeId')} label="Store" value={storeId} onChange={setStoreId} error={form.field('storeId')}
        options={[{ value: '', label: 'Choose a store' }, ...stores.map((s) => ({ value: s.id, label: s.name }))]} />
      <TextField id={form.id('partNumber')} label="Part number" value={partNumber} onChange={setPartNumber} error={form.field('partNumber')} width="20" spellCheck={false} />
      <TextField id={form.id('description')} label="Description" value={description} onChange={setDescription} error={form.field('description')} width="30" />
      <TextField id={form.id('unitCostPence')} label="Unit cost, in pounds" hint="For example, 12.50" value={unitCost} onChange={setUnitCost} error={form.field('unitCostPence')} width="10" />
      <TextField id={form.id('reorderLevel')} label="Reorder level" hint="Flagged when fewer than this are on hand; 0 for never" value={reorderLevel} onChange={setReorderLevel} error={form.field('reorderLevel')} width="5" inputMode="numeric" />
      <Button disabled={form.busy}>Add the part</Button>
    </form>
  );
}
