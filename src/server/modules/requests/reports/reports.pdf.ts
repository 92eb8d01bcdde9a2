import { formatTimestamp, formatUkDay } from '../../../../domain/calendar/london';
import { heading, keyValues, paragraph, renderPdf, type Pdf } from '../../../platform/pdf/pdf';
import { monthName, percentText, type Figures, type TimelinessReport } from '../../../../domain/requests/reports';
import { REQUEST_TYPE_SHORT } from '../../../../domain/requests/workflow';

// The timeliness report as a PDF, as councils publish it: the range's figures by kind, then each
// month's by kind (kinds with nothing in the month left out).

const HEADER = ['', 'Received', 'Completed', 'On time', 'Late', 'Open, overdue', '% on time'];
const WIDTHS = [130, 60, 65, 55, 45, 75, 60];
const cells = (name: string, f: Figures) => [name, String(f.received), String(f.completed), String(f.onTime), String(f.late), String(f.openOverdue), percentText(f.onTimePercent)];
const busy = (f: Figures) => f.received + f.completed + f.openOverdue > 0;

function table(doc: Pdf, rows: string[][]) {
  const x0 = doc.page.margins.left;
  const line = (row: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = x0;
    let bottom = y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor('#0b0c0c');
    row.forEach((cell, i) => { doc.text(cell, x, y, { width: WIDTHS[i]! - 4 }); bottom = Math.max(bottom, doc.y); x += WIDTHS[i]!; });
    doc.x = x0;
    doc.y = bottom + 2;
  };
  line(HEADER, true);
  rows.forEach((r, i) => line(r, i === rows.length - 1));
}

export function timelinessPdf({ report, councilName, printedBy, generatedAt }: { report: TimelinessReport; councilName: string; printedBy: string; generatedAt: Date }) {
  const range = report.from === report.to ? monthName(report.from) : `${monthName(report.from)} to ${monthName(report.to)}`;
  const title = `Information requests answered on time, ${range}`;
  return renderPdf({
    title,
    footer: `${title} · ${councilName} · printed ${formatTimestamp(generatedAt)} by ${printedBy}`,
    build: (doc) => {
      paragraph(doc, councilName, { size: 10, colour: '#505a5f' });
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('#0b0c0c').text('Information requests: timeliness');
      keyValues(doc, [
        ['Period', range],
        ['Open requests judged on', formatUkDay(report.today)],
        ['On time', 'Closed on or before the due date (London time); closed while the clock was stopped counts as on time'],
        ['Received', String(report.total.received)],
        ['Completed on time', `${report.total.onTime} of ${report.total.completed} (${percentText(report.total.onTimePercent)})`],
      ]);
      heading(doc, `All months, ${range}`);
      table(doc, [...report.byType.filter((t) => busy(t.figures)).map((t) => cells(REQUEST_TYPE_SHORT[t.type], t.figures)), cells('All requests', report.total)]);
      for (const m of report.months) {
        heading(doc, monthName(m.month));
        if (!busy(m.total)) { paragraph(doc, 'No requests received or completed.'); continue; }
        table(doc, [...m.types.filter((t) => busy(t.figures)).map((t) => cells(REQUEST_TYPE_SHORT[t.type], t.figures)), cells('All requests', m.total)]);
      }
    },
  });
}
