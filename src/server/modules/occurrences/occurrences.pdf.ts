import { formatTimestamp } from '../../../domain/calendar/london';
import { ENTRY_KINDS } from '../../../domain/occurrences/contract';
import { heading, keyValues, paragraph, renderPdf } from '../../platform/pdf/pdf';
import type { getOccurrenceView } from './occurrences.views';

// The one-occurrence report a police officer takes away: details, who was told, cameras and footage
// marks, and the whole timeline with amendments beside what they correct.

type View = Awaited<ReturnType<typeof getOccurrenceView>>;

const uk = formatTimestamp;

export function occurrencePdf({ view, councilName, printedBy, printedAt }: { view: View; councilName: string; printedBy: string; printedAt: Date }) {
  return renderPdf({
    title: `${view.reference} occurrence log`,
    footer: `${view.reference} · ${councilName} · printed ${uk(printedAt.toISOString())} by ${printedBy}`,
    marking: 'OFFICIAL-SENSITIVE',
    build: (doc) => {
      paragraph(doc, 'OFFICIAL-SENSITIVE', { size: 8, colour: '#d4351c', bold: true });
      paragraph(doc, councilName, { size: 10, colour: '#505a5f' });
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('#0b0c0c').text(`Occurrence ${view.reference}`);
      paragraph(doc, view.summary, { size: 11 });
      heading(doc, 'Details');
      keyValues(doc, [
        ['Status', view.status === 'closed' ? `Closed: ${view.outcomeName} (${uk(view.closedAt)} by ${view.closedBy})` : 'Open'],
        ['Opened', `${uk(view.openedAt)} by ${view.openedBy}`],
        ['Category', view.category.name], ['Source', view.sourceName], ['Priority', view.priorityName],
        ['Location', [view.location.text, view.location.latitude != null ? `(${view.location.latitude.toFixed(5)}, ${view.location.longitude!.toFixed(5)})` : ''].filter(Boolean).join(' ')],
        ['Cameras', view.cameras.map((c) => `${c.reference} ${c.name}`).join('; ')],
      ]);
      heading(doc, 'Who was told');
      keyValues(doc, view.told.map((t) => [t.name, t.told ? `Told ${uk(t.firstToldAt)}${t.references.length ? `, ref ${t.references.join(', ')}` : ''}` : 'Not told']));
      if (view.footageMarks.length) {
        heading(doc, 'Footage marked as evidentially relevant');
        for (const f of view.footageMarks) paragraph(doc, `${f.camera?.reference} ${f.camera?.name}: ${uk(f.footageFrom)} to ${uk(f.footageTo)} (marked by ${f.author})`);
      }
      heading(doc, 'Timeline');
      paragraph(doc, 'Times are UK local time. "Recorded" is when the entry was made; "observed" is the time the operator gave.', { size: 8, colour: '#505a5f' });
      doc.moveDown(0.3);
      for (const e of view.entries) {
        const when = `#${e.seq}  Recorded ${uk(e.recordedAt)}${e.observedAt ? ` · observed ${uk(e.observedAt)}` : ''}  ·  ${e.author ?? 'Vigil'}  ·  ${ENTRY_KINDS[e.kind]}`;
        paragraph(doc, when, { size: 8, colour: '#505a5f', bold: true });
        const extra = [
          e.agencyName ? `${e.agencyName}${e.agencyReference ? ` ref ${e.agencyReference}` : ''}, told ${uk(e.notifiedAt)}` : '',
          e.amendsId ? `Corrects entry #${view.entries.find((x) => x.id === e.amendsId)?.seq}. Reason: ${e.reason}` : e.reason ? `Reason: ${e.reason}` : '',
        ].filter(Boolean).join(' · ');
        paragraph(doc, e.body || '—');
        if (extra) paragraph(doc, extra, { size: 8, colour: '#505a5f' });
        for (const a of e.amendments) paragraph(doc, `Corrected at ${uk(a.recordedAt)} by ${a.author}: ${a.body} (reason: ${a.reason})`, { size: 8, colour: '#d4351c', indent: 12 });
        // A redaction changed this entry's text: the reader must know the words are not all the operator's.
        for (const r of e.redactions) paragraph(doc, `Personal data redacted at ${uk(r.redactedAt)} by ${r.by}${r.reason ? ` (reason: ${r.reason})` : ''}`, { size: 8, colour: '#d4351c', indent: 12 });
        doc.moveDown(0.4);
      }
    },
  });
}
