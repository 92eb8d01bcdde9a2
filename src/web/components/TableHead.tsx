/** A GOV.UK table's header row: one column header per name, in order. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((name) => <th key={name} scope="col" className="govuk-table__header">{name}</th>)}
      </tr>
    </thead>
  );
}
