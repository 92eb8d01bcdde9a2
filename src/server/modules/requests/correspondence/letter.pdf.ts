import { paragraph, renderPdf } from '../../../platform/pdf/pdf';

// A generated letter as a PDF: the council's name at the head, the letter's text, and the request's
// reference in the footer of every page.

export function letterPdf({ councilName, reference, subject, body }: { councilName: string; reference: string; subject: string; body: string }): Promise<Buffer> {
  return renderPdf({
    title: `${subject}`, footer: `${councilName} · CCTV Service · ${reference}`,
    build(doc) {
      paragraph(doc, councilName, { size: 14, bold: true });
      paragraph(doc, 'CCTV Service', { size: 10, colour: '#505a5f' });
      doc.moveDown(1.5);
      paragraph(doc, subject, { size: 11, bold: true });
      doc.moveDown(0.8);
      for (const para of body.split(/\n{2,}/)) {
        paragraph(doc, para, { size: 10.5 });
        doc.moveDown(0.7);
      }
    },
  });
}
