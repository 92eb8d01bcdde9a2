import type { FpnIssuePayload, PcnIssuePayload } from '../../../domain/field/sync';
import { useHandheld } from '../context';
import { Panel } from '../forms';
import { Page } from '../layout';
import { formatLondon, pounds } from '../rules';

/** The notice as issued: to show the driver or offender, or print. */
export function NoticeScreen({ id }: { id: string }) {
  const { records, reference, go } = useHandheld();
  const q = records.find((r) => r.record.id === id);
  if (!q) return <Page title="Notice"><p>This notice is not on this phone.</p></Page>;
  const synced = q.status === 'accepted' ? 'Synced' : q.status === 'rejected' ? 'Not accepted: see Sync' : 'Saved on this phone, waiting to sync';
  if (q.record.kind === 'pcn.issue') {
    const p = q.record.payload as unknown as PcnIssuePayload;
    const code = reference?.pcn.codes.find((c) => c.code === p.contraventionCode);
    const area = reference?.pcn.areas.find((a) => a.id === p.enforcementAreaId);
    const charge = code && reference?.pcn.charges.find((c) => c.areaId === p.enforcementAreaId && c.level === code.level);
    return (
      <Page title={`Penalty charge notice ${p.number}`}>
        <Panel title="PCN issued"><p>Number <strong>{p.number}</strong>. {synced}.</p></Panel>
        <dl className="hh-summary">
          <div><dt>Issued</dt><dd>{formatLondon(String(p.issuedAt))}</dd></div>
          <div><dt>Vehicle</dt><dd>{p.vehicle.vrm} {[p.vehicle.colour, p.vehicle.make, p.vehicle.model].filter(Boolean).join(' ')}</dd></div>
          <div><dt>Contravention</dt><dd>{p.contraventionCode} {code?.description}</dd></div>
          <div><dt>Place</dt><dd>{p.street}{p.locationDetail ? `, ${p.locationDetail}` : ''}{area ? ` (${area.name})` : ''}</dd></div>
          {charge && <div><dt>Penalty charge</dt><dd>{pounds(charge.amountPence)}, reduced to {pounds(charge.discountPence)} if paid within 14 days of the date of this notice</dd></div>}
        </dl>
        <button type="button" className="hh-button hh-button--secondary" onClick={() => window.print()}>Print</button>
        <button type="button" className="hh-button" onClick={() => go('pcn')}>Issue another PCN</button>
      </Page>
    );
  }
  const p = q.record.payload as unknown as FpnIssuePayload;
  const offence = reference?.fpn.offences.find((o) => o.code === p.offenceCode);
  return (
    <Page title="Fixed penalty notice">
      <Panel title="Fixed penalty notice issued"><p>{q.reference ? <>Reference <strong>{q.reference}</strong>. </> : null}{synced}.</p></Panel>
      <dl className="hh-summary">
        <div><dt>Issued</dt><dd>{formatLondon(String(p.issuedAt))}</dd></div>
        <div><dt>To</dt><dd>{p.offender.name}</dd></div>
        <div><dt>Offence</dt><dd>{offence ? `${offence.name} (${offence.legislation})` : p.offenceCode}</dd></div>
        <div><dt>Place</dt><dd>{p.place}</dd></div>
        {offence && <div><dt>Amount</dt><dd>{pounds(offence.amountPence)}{offence.earlyAmountPence != null && offence.earlyDays ? `, or ${pounds(offence.earlyAmountPence)} if paid within ${offence.earlyDays} days` : ''}</dd></div>}
      </dl>
      <button type="button" className="hh-button hh-button--secondary" onClick={() => window.print()}>Print</button>
      <button type="button" className="hh-button" onClick={() => go('fpn')}>Issue another fixed penalty notice</button>
    </Page>
  );
}
