import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { evidencePartnersQuery, LAWFUL_BASES, releasePackage, revokeRelease, type PackageDetail, type Release } from '../../api/evidencePackages';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { TableHead } from '../../components/TableHead';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { formatDate, formatDateTime, londonDay, londonDayAfter, parseUkDate } from '../../../domain/calendar/london';
import { isCodeOf, labelOf } from '../../../domain/labels';
import { RadiosField, TextareaField } from '../occurrences/Radios';
import { ReleaseStateTag } from './tags';
import { describeExpiry } from './words';

const refresh = (packageId: string) => [['evidence-package', packageId], ['evidence-packages']];

/** Who the package was released to, on what lawful basis, until when; revoking one that is still available. */
export function ReleasesTable({ releases, packageId, canManage }: { releases: Release[]; packageId: string; canManage: boolean }) {
  return (
    <section aria-labelledby="releases-title">
      <h2 className="govuk-heading-m" id="releases-title">Releases</h2>
      {!releases.length ? <p className="govuk-body">Not released to any partner. A partner sees a package only once it is released to their organisation.</p> : (
        <div className="vigil-table-wrap">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-visually-hidden">Releases</caption>
            <TableHead columns={['To', 'Lawful basis', 'Released', 'Access ends', 'State', 'Received']} />
            <tbody className="govuk-table__body">
              {releases.map((r) => (
                <tr className="govuk-table__row" key={r.id}>
                  <th scope="row" className="govuk-table__header">{r.organisation.name}{r.requestingOfficer && <span className="vigil-secondary-text">{r.requestingOfficer}</span>}</th>
                  <td className="govuk-table__cell">
                    {labelOf(LAWFUL_BASES, r.lawfulBasis)}
                    {r.crimeReference && <span className="vigil-secondary-text">Crime reference {r.crimeReference}</span>}
                    {r.lawfulBasisDetail && <span className="vigil-secondary-text">{r.lawfulBasisDetail}</span>}
                  </td>
                  <td className="govuk-table__cell vigil-nowrap">{formatDateTime(r.releasedAt)}<span className="vigil-secondary-text">{r.releasedBy.name}</span></td>
                  <td className="govuk-table__cell vigil-nowrap">{describeExpiry(r.expiresAt)}</td>
                  <td className="govuk-table__cell">
                    <ReleaseStateTag state={r.state} />
                    {r.revoked && <span className="vigil-secondary-text">{formatDateTime(r.revoked.at)} by {r.revoked.by.name}: {r.revoked.reason}</span>}
                    {canManage && r.state === 'active' && <RevokeRelease release={r} packageId={packageId} />}
                  </td>
                  <td className="govuk-table__cell">{r.acknowledged ? `${formatDateTime(r.acknowledged.at)} by ${r.acknowledged.by.name}` : 'Not yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RevokeRelease({ release, packageId }: { release: Release; packageId: string }) {
  const f = useWriteForm({ scope: `package:${packageId}`, prefix: `revoke-${release.id}`, fields: ['reason'], fallbackField: 'reason', refresh: refresh(packageId) });
  const [reason, setReason] = useState('');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['reason', reason.trim().length < 3 && 'Enter why access is withdrawn (at least 3 characters)']]))) return;
    await f.run(() => revokeRelease(release.id, { reason: reason.trim() }), `Release to ${release.organisation.name} revoked.`);
  };
  return (
    <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Revoke<span className="govuk-visually-hidden"> the release to {release.organisation.name}</span></span></summary>
      <div className="govuk-details__text">
        <form onSubmit={submit} noValidate aria-label={`Revoke the release to ${release.organisation.name}`}>
          <ErrorSummary errors={f.errors} />
          <TextareaField id={f.id('reason')} label="Why access is withdrawn" hint="Recorded in the exhibits’ continuity. The partner can no longer download the package." value={reason} onChange={setReason} rows={2} error={f.field('reason')} />
          <Button variant="warning" disabled={f.busy}>Revoke release</Button>
        </form>
      </div>
    </details>
  );
}

/** Releasing the package to a partner's organisation: they see it, download it and acknowledge it in Vigil until access ends. */
export function ReleaseForm({ pkg }: { pkg: PackageDetail }) {
  const f = useWriteForm({
    scope: `package:${pkg.id}`, prefix: 'release', fallbackField: 'organisationId', refresh: refresh(pkg.id),
    fields: ['organisationId', 'lawfulBasis', 'crimeReference', 'lawfulBasisDetail', 'requestingOfficer', 'expiresAt'],
  });
  const partners = useQuery(evidencePartnersQuery);
  const [v, setV] = useState({ organisationId: pkg.recipientOrganisation?.id ?? '', lawfulBasis: '', crimeReference: '', lawfulBasisDetail: '', requestingOfficer: '', expires: '' });
  const set = (key: keyof typeof v) => (value: string) => setV((d) => ({ ...d, [key]: value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const day = v.expires.trim() ? parseUkDate(v.expires) : '';
    const basis = v.lawfulBasis;
    if (!f.check(fieldErrors([
      ['organisationId', !v.organisationId && 'Choose the partner organisation'],
      ['lawfulBasis', !isCodeOf(LAWFUL_BASES, basis) && 'Choose the lawful basis for the release'],
      ['crimeReference', basis === 'dpa_sch2_crime' && !v.crimeReference.trim() && "Enter the requesting officer's crime reference"],
      ['lawfulBasisDetail', basis === 'other' && v.lawfulBasisDetail.trim().length < 3 && 'Explain the lawful basis'],
      ['expiresAt', day === '' ? 'Enter when access ends' : day === undefined ? 'Enter a real date, like 27/3/2026' : day < londonDay() && 'Access must end today or later'],
    ])) || !isCodeOf(LAWFUL_BASES, basis)) return;
    const name = partners.data?.find((p) => p.id === v.organisationId)?.name ?? 'the partner';
    const ok = await f.run(() => releasePackage(pkg.id, {
      organisationId: v.organisationId, lawfulBasis: basis, crimeReference: v.crimeReference.trim(), lawfulBasisDetail: v.lawfulBasisDetail.trim(),
      requestingOfficer: v.requestingOfficer.trim(), expiresAt: londonDayAfter(day as string)!.toISOString(),
    }), `Released to ${name} until the end of ${formatDate(day as string)}.`);
    if (ok) setV((d) => ({ ...d, crimeReference: '', lawfulBasisDetail: '', requestingOfficer: '', expires: '' }));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="release-title">
      <h2 className="govuk-heading-m" id="release-title">Release to a partner</h2>
      <ErrorSummary errors={f.errors} />
      <SelectField id={f.id('organisationId')} label="Partner organisation" value={v.organisationId} onChange={set('organisationId')} error={f.field('organisationId')}
        options={[{ value: '', label: 'Choose a partner' }, ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
      <RadiosField id={f.id('lawfulBasis')} legend="Lawful basis" value={v.lawfulBasis} onChange={set('lawfulBasis')} error={f.field('lawfulBasis')}
        options={Object.entries(LAWFUL_BASES).map(([value, label]) => ({ value, label }))} />
      {v.lawfulBasis === 'dpa_sch2_crime' && (
        <TextField id={f.id('crimeReference')} label="Crime reference" hint="The requesting officer’s crime or incident reference" value={v.crimeReference} onChange={set('crimeReference')} error={f.field('crimeReference')} width="20" spellCheck={false} />
      )}
      {v.lawfulBasis === 'other' && (
        <TextareaField id={f.id('lawfulBasisDetail')} label="Explain the lawful basis" value={v.lawfulBasisDetail} onChange={set('lawfulBasisDetail')} rows={2} error={f.field('lawfulBasisDetail')} />
      )}
      <TextField id={f.id('requestingOfficer')} label="Requesting officer (optional)" hint="For example: PC 4471 Jones" value={v.requestingOfficer} onChange={set('requestingOfficer')} error={f.field('requestingOfficer')} width="30" />
      <TextField id={f.id('expiresAt')} label="Access ends" hint="At the end of this day, UK time. For example, 27/3/2026" value={v.expires} onChange={set('expires')} error={f.field('expiresAt')} width="10" spellCheck={false} autoComplete="off" />
      <Button disabled={f.busy}>Release package</Button>
      <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
    </form>
  );
}
