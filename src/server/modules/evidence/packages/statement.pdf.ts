import type { WitnessStatementBody } from '../../../../domain/evidence/statement';
import { heading, paragraph, renderPdf, type Pdf } from '../../../platform/pdf/pdf';
import { ukTimestamp } from '../../../../domain/evidence/words';

// The witness statement laid out as an MG11 front page (uk-rules §4.4): URN, name, age, occupation,
// number of pages, the CrimPR 16.2 declaration at the start, the account in the first person, the
// exhibits it refers to, and a signature line on every page with the signature after the last line.
// Until the witness makes it final, every page says DRAFT across it.

const SIGNATURE_SPACE = 28;

function signatureLine(doc: Pdf, { y, label }: { y: number; label: string }) {
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('Helvetica').fontSize(9).fillColor('#0b0c0c');
  doc.text(`${label} .................................................................`, x, y, { width: width * 0.62, lineBreak: false });
  doc.text('Date .............................', x + width * 0.66, y, { width: width * 0.34, lineBreak: false });
}

function watermark(doc: Pdf) {
  doc.save();
  doc.rotate(-45, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc.font('Helvetica-Bold').fontSize(120).fillColor('#d4351c').fillOpacity(0.12);
  doc.text('DRAFT', 0, doc.page.height / 2 - 60, { width: doc.page.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}

function field(doc: Pdf, label: string, value: string) {
  const x = doc.page.margins.left;
  const y = doc.y;
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#0b0c0c').text(label, x, y, { width: 150 });
  doc.font('Helvetica').fontSize(10).text(value || ' ', x + 160, y, { width: doc.page.width - x - doc.page.margins.right - 160 });
  doc.x = x;
  return y;
}

export function renderWitnessStatement({ statement, isFinal }: { statement: WitnessStatementBody; isFinal: boolean }): Promise<Buffer> {
  let pagesAt: { x: number; y: number } | undefined;
  const who = `Witness statement of ${statement.name}`;
  return renderPdf({
    title: `${who}${isFinal ? '' : ' (draft)'}`,
    footer: `${who}${statement.urn ? ` · URN ${statement.urn}` : ''}${isFinal ? '' : ' · DRAFT, not signed'}`,
    marking: 'OFFICIAL-SENSITIVE',
    bottomSpace: SIGNATURE_SPACE,
    build: (doc) => {
      paragraph(doc, 'OFFICIAL-SENSITIVE', { size: 8, colour: '#d4351c', bold: true });
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(16).fillColor('#0b0c0c').text('WITNESS STATEMENT');
      paragraph(doc, 'Criminal Procedure Rules, rule 16.2; Criminal Justice Act 1967, section 9', { size: 9, colour: '#505a5f' });
      doc.moveDown(0.6);
      field(doc, 'URN', statement.urn);
      field(doc, 'Statement of', statement.name);
      field(doc, 'Age if under 18', statement.age);
      field(doc, 'Occupation', [statement.occupation, statement.employer].filter(Boolean).join(', '));
      const y = field(doc, 'Number of pages', '');
      pagesAt = { x: doc.page.margins.left + 160, y };
      doc.moveDown(0.6);
      paragraph(doc, statement.declaration, { size: 10, bold: true });
      doc.moveDown(0.8);
      for (const p of statement.narrative) {
        paragraph(doc, p, { size: 11 });
        doc.moveDown(0.6);
      }
      if (statement.exhibits.length) {
        heading(doc, 'Exhibits referred to');
        for (const ex of statement.exhibits) {
          paragraph(doc, `${ex.reference}: ${ex.description}`, { size: 10, bold: true });
          for (const h of ex.sha256s) paragraph(doc, `SHA-256 ${h}`, { size: 9, indent: 12 });
          doc.moveDown(0.3);
        }
      }
      doc.moveDown(1);
      if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
      paragraph(doc, 'Signature of witness, after the last line of the statement:', { size: 9, colour: '#505a5f' });
      doc.moveDown(0.5);
      signatureLine(doc, { y: doc.y, label: `Signature (${statement.name})` });
      if (isFinal && statement.signedAt) {
        doc.moveDown(1.5);
        paragraph(doc, `Made final by ${statement.name} on ${ukTimestamp(statement.signedAt)} (UK time).`, { size: 9, colour: '#505a5f' });
      }
    },
    eachPage: (doc, { page, pages }) => {
      if (!isFinal) watermark(doc);
      if (page === 1 && pagesAt) doc.font('Helvetica').fontSize(10).fillColor('#0b0c0c').text(String(pages), pagesAt.x, pagesAt.y, { lineBreak: false });
      signatureLine(doc, { y: doc.page.height - 50 - SIGNATURE_SPACE, label: 'Signature' });
    },
  });
}
