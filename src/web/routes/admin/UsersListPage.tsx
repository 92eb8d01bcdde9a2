import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { rolesQuery, usersQuery, USERS_PAGE_SIZE, type UserFilters } from '../../api/users';
import { Button, SelectField, TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { useTitle } from '../../components/useTitle';
import { roleName } from '../../lib/roles';
import { ROLES } from '../../../domain/users/roles';
import { formatDateTime } from '../../../domain/calendar/london';
import { UserStatusTag } from './UserStatus';

export function validateUserSearch(search: Record<string, unknown>): UserFilters {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const status = search.status === 'inactive' || search.status === 'all' ? search.status : undefined;
  const page = Number(search.page);
  return { q: str(search.q), role: str(search.role), status, page: Number.isInteger(page) && page > 1 ? page : undefined };
}

export function UsersListPage({ search }: { search: UserFilters }) {
  useTitle('Users');
  const navigate = useNavigate();
  const users = useQuery(usersQuery({ ...search, status: search.status ?? 'active', page: search.page ?? 1 }));
  const roles = useQuery(rolesQuery);
  const [q, setQ] = useState(search.q ?? '');
  const [role, setRole] = useState(search.role ?? '');
  const [status, setStatus] = useState<string>(search.status ?? 'active');

  useEffect(() => {
    setQ(search.q ?? '');
    setRole(search.role ?? '');
    setStatus(search.status ?? 'active');
  }, [search.q, search.role, search.status]);

  const roleOptions = (roles.data?.map((r) => ({ value: r.role, label: r.name })) ?? ROLES.map((r) => ({ value: r, label: roleName(r) })));
  const roleLabel = (r: string) => roles.data?.find((x) => x.role === r)?.name ?? roleName(r);

  const filter = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({
      to: '/admin/users',
      search: { q: q.trim() || undefined, role: role || undefined, status: status === 'active' ? undefined : (status as UserFilters['status']) },
    });
  };

  const page = users.data?.page ?? search.page ?? 1;
  return (
    <>
      <div className="moj-page-header-actions">
        <div className="moj-page-header-actions__title">
          <h1 className="govuk-heading-l">Users</h1>
        </div>
        <div className="moj-page-header-actions__actions">
          <div className="moj-button-group moj-button-group--inline">
            <Link to="/admin/users/new" role="button" draggable={false} className="govuk-button govuk-!-margin-bottom-0"
              onKeyDown={(e) => { if (e.key === ' ') { e.preventDefault(); e.currentTarget.click(); } }}>
              Create user
            </Link>
          </div>
        </div>
      </div>

      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter users">
        <div className="vigil-filter__row">
          <TextField id="q" label="Search" hint="Name, username or email" type="search" value={q} onChange={setQ} width="20" data-search spellCheck={false} />
          <SelectField id="role" label="Role" value={role} onChange={setRole} options={[{ value: '', label: 'Any role' }, ...roleOptions]} />
          <SelectField
            id="status"
            label="Status"
            value={status}
            onChange={setStatus}
            options={[{ value: 'active', label: 'Active' }, { value: 'inactive', label: 'Deactivated' }, { value: 'all', label: 'All' }]}
          />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>

      {users.isPending && <p className="govuk-body">Loading users…</p>}
      {users.isError && <p className="govuk-body">Users could not be loaded. {users.error.message}</p>}
      {users.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {users.data.total === 1 ? '1 user' : `${users.data.total} users`}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Username</th>
                  <th scope="col" className="govuk-table__header">Roles</th>
                  <th scope="col" className="govuk-table__header">Organisation</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                  <th scope="col" className="govuk-table__header">Last signed in</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {users.data.items.map((u) => (
                  <tr className="govuk-table__row" key={u.id}>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to="/admin/users/$userId" params={{ userId: u.id }}>{u.displayName}</Link>
                    </td>
                    <td className="govuk-table__cell vigil-break">{u.username}</td>
                    <td className="govuk-table__cell">{u.roles.map(roleLabel).join(', ')}</td>
                    <td className="govuk-table__cell">{u.organisation.name}{u.team ? ` (${u.team.name})` : ''}</td>
                    <td className="govuk-table__cell"><UserStatusTag user={u} /></td>
                    <td className="govuk-table__cell">{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {users.data.items.length === 0 && <p className="govuk-body">No users match these filters.</p>}
          <Pagination
            page={page}
            pageSize={users.data.pageSize || USERS_PAGE_SIZE}
            total={users.data.total}
            to="/admin/users"
            search={(p) => ({ ...search, page: p > 1 ? p : undefined })}
            label="users"
          />
        </>
      )}
    </>
  );
}
