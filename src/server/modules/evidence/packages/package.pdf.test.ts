import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { renderContinuityRecord } from './continuity.pdf';
import { fixtureExhibit, PRODUCER } from './package.fixtures';
import { draftWitnessStatement } from './statement.models';
import { renderWitnessStatement } from './statement.pdf';

const textOf = async (pdf: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const { text, pages } = await parser.getText();
  await parser.destroy();
  return { text: text.replace(/\s+/g, ' '), pages: pages.length, firstPage: pages[0].text };
};

const exhibits = [
  fixtureExhibit({ reference: 'AB/3', master: Buffer.from('master three'), copy: Buffer.from('copy three') }),
  fixtureExhibit({ reference: 'AB/4', master: Buffer.from('master four'), copy: Buffer.from('copy four') }),
];

describe('the continuity record', () => {
  it('prints every event with its time, kind, who, where, why, hashes and details, and each chain head', async () => {
    const pdf = await renderContinuityRecord({ council: 'Northtown Borough Council', packageReference: 'PKG-1', exhibits, generatedAt: new Date('2025-11-25T12:00:00Z') });
    const { text, pages } = await textOf(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    for (const ex of exhibits) {
      expect(text).toContain(`Exhibit ${ex.reference}`);
      for (const e of ex.events) {
        expect(text).toContain(`#${e.seq}`);
        expect(text).toContain(e.hash);
      }
      expect(text).toContain(ex.masters[0].sha256);
      const head = ex.events.at(-1)!;
      expect(text).toContain(`Event #${head.seq}, chain hash ${head.hash}`);
    }
    expect(text).toContain('#3 24/11/2025, 09:30:00 · Sealed in a bag');
    expect(text).toContain('Bag number EB-778812');
    expect(text).toContain('Handed to PC 1234 Smith');
    expect(text).toContain(`Signature image SHA-256 ${exhibits[0].events[4].details.signatureSha256}`);
    expect(text).toContain('Who Ann Brown Where CCTV control room Why Requested by PC 1234 Smith');
  });
});

describe('the witness statement', () => {
  const statement = { ...draftWitnessStatement({ producer: PRODUCER, exhibits }), urn: '01YY1234525' };

  it('is laid out as an MG11 with the declaration first, the account, the exhibits and a signature on each page', async () => {
    const { text, pages, firstPage } = await textOf(await renderWitnessStatement({ statement, isFinal: false }));
    expect(pages).toBe(2);
    expect(text).toContain('WITNESS STATEMENT');
    expect(text).toMatch(/URN 01YY1234525 Statement of Ann Brown Age if under 18 Over 18 Occupation CCTV enforcement officer, Northtown Borough Council Number of pages/);
    // The count is written once the pages are laid out, beside its label on the first page.
    expect(firstPage).toMatch(/(^|\s)2(\s|$)/);
    expect(text.indexOf('true to the best of my knowledge and belief')).toBeLessThan(text.indexOf('I am employed'));
    for (const ex of statement.exhibits) for (const h of ex.sha256s) expect(text).toContain(h);
    expect(text.match(/Signature \.{10}/g)?.length).toBe(pages);
    expect(text).toContain('Signature (Ann Brown)');
    expect(text).toContain('DRAFT');
  });

  it('loses the DRAFT mark once final', async () => {
    const { text } = await textOf(await renderWitnessStatement({ statement: { ...statement, signedAt: '2025-11-26T10:00:00Z' }, isFinal: true }));
    expect(text).not.toContain('DRAFT');
    expect(text).toContain('Made final by Ann Brown on 26/11/2025, 10:00:00 (UK time).');
  });
});
