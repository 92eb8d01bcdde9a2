import { heading, keyValues, paragraph, renderPdf } from '../../../platform/pdf/pdf';
import { formatTimestamp } from '../../../../domain/calendar/london';
import { formatUkDay } from '../../../../domain/calendar/london';
import type { FpnDetail } from '../../../../domain/enforcement/fpns.contract';

// The prosecution case file for an unpaid FPN: the notice, the officer's statement, the notebook
// entries linked to it (corrections shown beside what they correct), the photos with their SHA-256,
// and the continuity of each exhibit from the device to the object store.

const money = (p: number | null) => (p === null ? '—' : `£${(p / 100).toFixed(2)}`);

export function caseFilePdf({ fpn, councilName, printedBy, printedAt }: { fpn: FpnDetail; councilName: string; printedBy: string; printedAt: Date }): Promise<Buffer> {
  return renderPdf({
    title: `Case file ${fpn.reference}`, footer: `${councilName} · Case file ${fpn.reference} · printed ${formatTimestamp(printedAt)} by ${printedBy}`, marking: 'OFFICIAL-SENSITIVE',
    build(doc) {
      paragraph(doc, `${councilName}: prosecution case file`, { size: 16, bold: true });
      paragraph(doc, `Fixed penalty notice ${fpn.reference}`, { size: 12 });
      heading(doc, 'The notice');
      keyValues(doc, [
        ['Offence', `${fpn.offence.name} (${fpn.offence.code})`], ['Legislation', fpn.legislation],
        ['Issued', `${formatTimestamp(fpn.issuedAt)} by ${fpn.issuedBy.name}`], ['Place', `${fpn.place} (${fpn.point.lat.toFixed(5)}, ${fpn.point.lon.toFixed(5)})`],
        ['Amount', money(fpn.amounts.amountPence)], ['Early-payment amount', fpn.amounts.earlyAmountPence === null ? 'None offered' : `${money(fpn.amounts.earlyAmountPence)} by ${formatUkDay(fpn.periods.earlyPaymentBy ?? undefined)}`],
        ['Payment due by', formatUkDay(fpn.periods.paymentDueBy)], ['Proceedings from', formatUkDay(fpn.periods.prosecutionFrom)],
        ['Paid', money(fpn.paidPence)], ['Status', fpn.statusLabel], ['Body-worn video', fpn.bodyWornVideoRef || 'None recorded'],
      ]);
      heading(doc, 'The offender');
      keyValues(doc, [
        ['Name', fpn.offender.name], ['Address', `${fpn.offender.address} ${fpn.offender.postcode}`.trim()],
        ['Date of birth', fpn.offender.dateOfBirth ? `${formatUkDay(fpn.offender.dateOfBirth)} (${fpn.offender.ageAtOffence} on the day)` : 'Not given'],
        ['Parent or guardian', fpn.offender.guardian], ['Description', fpn.offender.description], ['Identification', fpn.offender.identification],
      ]);
      heading(doc, 'Circumstances recorded at issue');
      paragraph(doc, fpn.circumstances);
      heading(doc, `Statement of ${fpn.issuedBy.name}`);
      paragraph(doc, fpn.caseStatement || 'No statement recorded yet.');
      heading(doc, 'Notebook entries');
      if (!fpn.notebook.length) paragraph(doc, 'None linked to this notice.');
      for (const e of fpn.notebook) {
        paragraph(doc, `Entry ${e.number} by ${e.officer.name}, ${formatTimestamp(e.at)} (recorded ${formatTimestamp(e.recordedAt)})${e.correctsEntry ? `: corrects entry ${e.correctsEntry.number}` : ''}${e.correctedBy.length ? `: corrected by entry ${e.correctedBy.map((c) => c.number).join(', ')}` : ''}`, { bold: true });
        paragraph(doc, e.text, { indent: 10 });
      }
      heading(doc, 'Exhibits and their continuity');
      if (!fpn.photos.length) paragraph(doc, 'No photos.');
      fpn.photos.forEach((p, i) => {
        paragraph(doc, `Exhibit ${fpn.reference}/P${i + 1}: photo ${p.id}`, { bold: true });
        keyValues(doc, [
          ['SHA-256', p.sha256], ['Type, size', `${p.contentType}, ${p.bytes} bytes`],
          ['Taken by', `${p.takenBy.name} on device ${p.deviceId}`], ['Received', `${formatTimestamp(p.uploadedAt)}, stored write-once by its SHA-256; unaltered since (the hash is checked on every read)`],
        ]);
      });
      if (fpn.bodyWornVideoRef) paragraph(doc, `Body-worn video ${fpn.bodyWornVideoRef}: held under the council's evidence procedure.`);
      heading(doc, 'History of the notice');
      for (const e of fpn.events) paragraph(doc, `${formatTimestamp(e.at)}  ${e.kindLabel}${e.amountPence !== null ? ` ${money(e.amountPence)}` : ''}${e.paidOn ? ` paid ${formatUkDay(e.paidOn)}` : ''}${e.by ? `, ${e.by.name}` : ''}${e.detail ? `: ${e.detail}` : ''}`);
    },
  });
}
