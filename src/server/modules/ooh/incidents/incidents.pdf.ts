import { formatTimestamp } from '../../../../domain/calendar/london';
import type { OohIncident } from '../../../../domain/ooh/incidents.contract';
import { ACTION_STATUSES, EXERCISE_MARKING, TIMELINE_SOURCES } from '../../../../domain/ooh/incidents';
import { methaneLines, type MethaneMessage } from '../../../../domain/ooh/methane';
import { heading, keyValues, paragraph, renderPdf } from '../../../platform/pdf/pdf';

// The whole incident as one document, for the debrief and the record: the cover (reference,
// exercise marking, times), every M/ETHANE message with what changed, the timeline, the decision
// log, the actions and the handovers. Times are UK local time; every page has its number.

const uk = (at: string | null) => (at ? formatTimestamp(at) : '');

export function incidentPdf({ incident: i, councilName, printedBy, printedAt }: { incident: OohIncident; councilName: string; printedBy: string; printedAt: Date }) {
  const marking = i.exercise ? EXERCISE_MARKING : 'OFFICIAL-SENSITIVE';
  return renderPdf({
    title: `${i.reference} major incident log`,
    footer: `${i.reference} · ${councilName} · printed ${uk(printedAt.toISOString())} by ${printedBy}`,
    marking,
    eachPage: (doc) => {
      if (!i.exercise) return;
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('Helvetica-Bold').fontSize(9).fillColor('#d4351c').text(EXERCISE_MARKING, 50, 30, { width: doc.page.width - 100, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    },
    build: (doc) => {
      paragraph(doc, marking, { size: 10, colour: '#d4351c', bold: true });
      paragraph(doc, councilName, { size: 10, colour: '#505a5f' });
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('#0b0c0c').text(`Major incident ${i.reference}`);
      paragraph(doc, i.title, { size: 12 });
      heading(doc, 'The incident');
      keyValues(doc, [
        ['Reference', i.reference],
        ['Exercise', i.exercise ? 'Yes: this was an exercise' : 'No'],
        ['Declared', `${uk(i.declaredAt)}${i.declaredBy ? ` by ${i.declaredBy}` : ''}`],
        ['Stood down', i.closedAt ? `${uk(i.closedAt)}${i.closedBy ? ` by ${i.closedBy}` : ''}` : 'Still open'],
        ['Closing note', i.closingNote],
        ['Latest message', i.summary],
        ['In this log', `${i.methane.length} M/ETHANE messages, ${i.timeline.length} timeline entries, ${i.decisions.length} decisions, ${i.actions.length} actions, ${i.handovers.length} handovers`],
      ]);
      paragraph(doc, 'Times are UK local time (Europe/London).', { size: 8, colour: '#505a5f' });

      heading(doc, 'M/ETHANE messages');
      for (const v of i.methane) {
        paragraph(doc, `Version ${v.version} · sent ${uk(v.sentAt)}${v.by ? ` by ${v.by}` : ''}`, { size: 10, bold: true });
        keyValues(doc, methaneLines(v.message as MethaneMessage).map((l) => [`${l.letter} ${l.label}`, l.value]));
        if (v.changes.length) {
          paragraph(doc, 'What changed from the version before:', { size: 8, bold: true, colour: '#505a5f' });
          for (const c of v.changes) paragraph(doc, `${c.label}: was ${c.from || '(blank)'}, now ${c.to || '(blank)'}`, { size: 8, colour: '#505a5f', indent: 12 });
        }
        doc.moveDown(0.5);
      }

      heading(doc, 'Timeline of information received');
      if (!i.timeline.length) paragraph(doc, 'None.');
      for (const t of i.timeline) {
        paragraph(doc, `#${t.seq}  Received ${uk(t.receivedAt)} · from ${TIMELINE_SOURCES[t.source]}${t.sourceName ? ` (${t.sourceName})` : ''} · recorded ${uk(t.recordedAt)}${t.recordedBy ? ` by ${t.recordedBy}` : ''}`, { size: 8, bold: true, colour: '#505a5f' });
        paragraph(doc, t.content);
        if (t.correctsSeq) paragraph(doc, `Corrects entry #${t.correctsSeq}`, { size: 8, colour: '#d4351c', indent: 12 });
        if (t.correctedBySeq) paragraph(doc, `Corrected by entry #${t.correctedBySeq}`, { size: 8, colour: '#d4351c', indent: 12 });
        doc.moveDown(0.3);
      }

      heading(doc, 'Decision log');
      if (!i.decisions.length) paragraph(doc, 'None.');
      for (const d of i.decisions) {
        paragraph(doc, `Decision ${d.seq} · ${uk(d.decidedAt)} · ${d.decidedByName}${d.decidedByRole ? `, ${d.decidedByRole}` : ''}`, { size: 8, bold: true, colour: '#505a5f' });
        keyValues(doc, [['Decision', d.decision], ['Rationale', d.rationale], ...(d.options ? [['Options considered', d.options] as [string, string]] : [])]);
        if (d.revisesSeq) paragraph(doc, `Revises decision ${d.revisesSeq}`, { size: 8, colour: '#d4351c', indent: 12 });
        if (d.revisedBySeq) paragraph(doc, `Revised by decision ${d.revisedBySeq}`, { size: 8, colour: '#d4351c', indent: 12 });
        doc.moveDown(0.3);
      }

      heading(doc, 'Actions');
      if (!i.actions.length) paragraph(doc, 'None.');
      for (const a of i.actions) {
        paragraph(doc, `Action ${a.seq} · ${ACTION_STATUSES[a.status]} · owner ${a.ownerName}${a.ownerOrganisation ? ` (${a.ownerOrganisation})` : ''}${a.dueAt ? ` · due ${uk(a.dueAt)}` : ''}`, { size: 8, bold: true, colour: '#505a5f' });
        paragraph(doc, a.action);
        for (const u of a.updates) paragraph(doc, `${uk(u.at)} ${ACTION_STATUSES[u.status]}${u.by ? ` (${u.by})` : ''}${u.note ? `: ${u.note}` : ''}`, { size: 8, colour: '#505a5f', indent: 12 });
        doc.moveDown(0.3);
      }

      heading(doc, 'Handovers');
      if (!i.handovers.length) paragraph(doc, 'None.');
      for (const h of i.handovers) {
        paragraph(doc, `Handover ${h.seq} · ${uk(h.handedAt)} · from ${h.from ?? 'Vigil'} to ${h.to.name} · ${h.acknowledgedAt ? `acknowledged ${uk(h.acknowledgedAt)}` : 'not acknowledged'}`, { size: 8, bold: true, colour: '#505a5f' });
        keyValues(doc, [['Situation', h.summary], ['Outstanding', h.outstanding]]);
        doc.moveDown(0.3);
      }
    },
  });
}
