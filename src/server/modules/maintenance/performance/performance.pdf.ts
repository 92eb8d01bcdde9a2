import { formatDate, formatTimestamp } from '../../../../domain/calendar/london';
import { heading, keyValues, paragraph, renderPdf, type Pdf } from '../../../platform/pdf/pdf';
import { PRIORITIES, gbp, minutesText, monthName, percentText, type PerformanceReport } from '../../../../domain/maintenance/performance';

// The monthly performance report as a PDF for the contract meeting: the figures by priority, the
// service credits, the repeats and the cameras below the availability target.

function table(doc: Pdf, header: string[], rows: string[][], widths: number[]) {
  const x0 = doc.page.margins.left;
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = x0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor('#0b0c0c');
    let bottom = y;
    cells.forEach((cell, i) => { doc.text(cell, x, y, { width: widths[i] - 4 }); bottom = Math.max(bottom, doc.y); x += widths[i]; });
    doc.x = x0;
    doc.y = bottom + 2;
  };
  line(header, true);
  for (const r of rows) line(r, false);
}

export function performancePdf({ report, councilName, printedBy }: { report: PerformanceReport; councilName: string; printedBy: string }) {
  const title = `${report.contract.reference} performance, ${monthName(report.month)}`;
  return renderPdf({
    title,
    footer: `${title} · ${councilName} · printed ${formatTimestamp(report.generatedAt)} by ${printedBy}`,
    build: (doc) => {
      paragraph(doc, councilName, { size: 10, colour: '#505a5f' });
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('#0b0c0c').text(`Contractor performance: ${monthName(report.month)}`);
      keyValues(doc, [
        ['Contract', `${report.contract.reference} ${report.contract.name}`],
        ['Contractor', report.contract.contractor.name],
        ['Period', `${formatDate(report.from)} to ${formatDate(new Date(new Date(report.to).getTime() - 1))} (London time)`],
        ['Status', report.isFinal ? 'Final: every fault raised in the month is decided' : 'Provisional: some faults raised in the month are still within their time'],
        ['Faults raised', String(report.total.raised + report.unprioritised) + (report.unprioritised ? ` (${report.unprioritised} not yet prioritised, outside the figures)` : '')],
        ['Availability', `${percentText(report.availability.overallPercent)} across ${report.availability.cameras.length} cameras`],
      ]);
      heading(doc, 'Faults by priority');
      const rows = [...report.byPriority.map((p) => ({ ...p, name: PRIORITIES[p.priority] })), { ...report.total, name: 'Total' }];
      table(doc, ['Priority', 'Raised', 'Response SLA met', 'Fix SLA met', 'Mean to respond', 'Mean to repair', 'Repeats'],
        rows.map((p) => [p.name, String(p.raised),
          `${percentText(p.response.metPercent)} (${p.response.met} met, ${p.response.breached} breached, ${p.response.pending} pending)`,
          `${percentText(p.fix.metPercent)} (${p.fix.met} met, ${p.fix.breached} breached, ${p.fix.pending} pending)`,
          minutesText(p.meanMinutesToRespond), minutesText(p.meanMinutesToRepair), String(p.repeats)]),
        [70, 40, 100, 100, 70, 70, 45]);
      heading(doc, 'Service credits');
      const sc = report.serviceCredits;
      if (!sc) paragraph(doc, 'The contract defines no service credits.');
      else {
        table(doc, ['Priority', 'Response breaches', 'Credit', 'Fix breaches', 'Credit'],
          sc.lines.map((l) => [l.priority, String(l.responseBreaches), gbp(l.responsePence), String(l.fixBreaches), gbp(l.fixPence)]), [80, 100, 80, 100, 80]);
        doc.moveDown(0.3);
        keyValues(doc, [['Earned', gbp(sc.earnedPence)], ['Cap', gbp(sc.capPence)], ['Credited', `${gbp(sc.creditPence)}${sc.isCapped ? ' (capped)' : ''}`]]);
      }
      heading(doc, 'Repeat faults');
      if (!report.repeatFaults.length) paragraph(doc, 'None: no fault came back within 30 days of a fix.');
      else table(doc, ['Fault', 'Camera', 'Raised', 'Repeats', 'Fixed'],
        report.repeatFaults.map((r) => [r.fault.reference, `${r.camera.reference} ${r.camera.name}`, formatTimestamp(r.raisedAt), r.earlierFault.reference, formatTimestamp(r.earlierFixedAt)]),
        [80, 150, 90, 80, 90]);
      const below = report.availability.cameras.filter((c) => c.percent !== null && c.percent < report.availability.targetPercent);
      heading(doc, `Cameras below ${report.availability.targetPercent}% availability`);
      if (!below.length) paragraph(doc, 'None.');
      else table(doc, ['Camera', 'Name', 'Availability', 'Hours down', 'Hours in service'],
        below.map((c) => [c.reference, c.name, percentText(c.percent), c.downHours.toFixed(1), c.inServiceHours.toFixed(0)]), [80, 180, 70, 70, 80]);
    },
  });
}
