import PDFDocument from 'pdfkit';

// PDF rendering (pdfkit, built-in Helvetica: no fonts to download). Documents are A4 with a footer on
// every page carrying the document's reference and "Page n of N".

export type Pdf = PDFKit.PDFDocument;

const MARGIN = 50;

/**
 * `eachPage` draws on every page once the content is laid out (a signature line, a watermark), in
 * the `bottomSpace` points kept free above the footer.
 */
export function renderPdf({ title, footer, marking, build, eachPage, bottomSpace = 0 }: {
  title: string; footer: string; marking?: string; build: (doc: Pdf) => void;
  eachPage?: (doc: Pdf, at: { page: number; pages: number }) => void; bottomSpace?: number;
}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN + 20 + bottomSpace, left: MARGIN, right: MARGIN }, bufferPages: true, info: { Title: title, Creator: 'Vigil' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  build(doc);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN;
    // Writing inside the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    eachPage?.(doc, { page: i - range.start + 1, pages: range.count });
    doc.font('Helvetica').fontSize(8).fillColor('#505a5f');
    doc.text(`${footer}${marking ? `  ·  ${marking}` : ''}`, MARGIN, y, { width: doc.page.width - 2 * MARGIN - 80, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, doc.page.width - MARGIN - 80, y, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

export function heading(doc: Pdf, text: string, size = 13) {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('#0b0c0c').text(text).moveDown(0.2);
}

/** Label: value lines, two columns. */
export function keyValues(doc: Pdf, rows: [string, string][]) {
  const x = doc.page.margins.left;
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#0b0c0c').text(k, x, y, { width: 130 });
    doc.font('Helvetica').fontSize(9).text(v || '—', x + 140, y, { width: doc.page.width - x - doc.page.margins.right - 140 });
    doc.x = x;
  }
}

export function paragraph(doc: Pdf, text: string, { size = 9, colour = '#0b0c0c', bold = false, indent = 0 }: { size?: number; colour?: string; bold?: boolean; indent?: number } = {}) {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).fillColor(colour).text(text, doc.page.margins.left + indent, doc.y, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right - indent });
}
