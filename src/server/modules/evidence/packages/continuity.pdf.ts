import { formatFingerprint } from '../../../platform/signing/signing';
import { heading, keyValues, paragraph, renderPdf } from '../../../platform/pdf/pdf';
import { CONTINUITY_GENESIS, type ContinuityLink } from '../continuity/continuity.models';
import { CONTINUITY_KIND_WORDS, describeEventDetails, describeSize, ukTimestamp } from '../../../../domain/evidence/words';

// The continuity record: for each exhibit, every handling in order (who, when, where, why, the
// item's hash at that moment, what was handed or sealed) and the chain hash that links each event to
// the one before, ending with the chain's head. It accounts for every period the exhibit was held
// (uk-rules §4.2) in a form a court can read; continuity/<REF>.json carries the same for computers.

export interface ContinuityRecordExhibit {
  reference: string;
  description: string;
  cameras: { name: string; reference?: string }[];
  masters: { name: string; sha256: string; size: number }[];
  events: ContinuityLink[];
}

export function renderContinuityRecord({ council, packageReference, exhibits, generatedAt, signingKeyFingerprint }: {
  council: string; packageReference?: string; exhibits: ContinuityRecordExhibit[]; generatedAt: Date; signingKeyFingerprint?: string;
}): Promise<Buffer> {
  const title = `Continuity record${packageReference ? ` ${packageReference}` : ''}`;
  return renderPdf({
    title,
    footer: `${title} · ${council} · made ${ukTimestamp(generatedAt.toISOString())}`,
    marking: 'OFFICIAL-SENSITIVE',
    build: (doc) => {
      paragraph(doc, 'OFFICIAL-SENSITIVE', { size: 8, colour: '#d4351c', bold: true });
      paragraph(doc, council, { size: 10, colour: '#505a5f' });
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('#0b0c0c').text(title);
      paragraph(doc, `Exhibits: ${exhibits.map((e) => e.reference).join(', ')}. Times are UK time. Each event's chain hash is the SHA-256 of its sequence number, the previous event's chain hash and the SHA-256 of its content, so an event removed, reordered or altered breaks the chain; continuity/<REF>.json in the package holds the same events for checking by computer.`, { size: 9, colour: '#505a5f' });
      if (signingKeyFingerprint) paragraph(doc, `The package manifest that pins each chain's head is signed with the council's key ${formatFingerprint(signingKeyFingerprint)}.`, { size: 9, colour: '#505a5f' });
      exhibits.forEach((ex, i) => {
        if (i > 0) doc.addPage();
        const events = [...ex.events].sort((a, b) => a.seq - b.seq);
        const head = events.at(-1);
        heading(doc, `Exhibit ${ex.reference}`, 15);
        keyValues(doc, [
          ['Description', ex.description],
          ['Cameras', ex.cameras.map((c) => (c.reference ? `${c.reference} ${c.name}` : c.name)).join('; ')],
          ...ex.masters.map((m): [string, string] => ['Master', `${m.name}, ${describeSize(m.size)}\nSHA-256 ${m.sha256}`]),
          ['Events', String(events.length)],
        ]);
        heading(doc, 'Events');
        for (const e of events) {
          if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
          paragraph(doc, `#${e.seq}  ${ukTimestamp(e.at)}  ·  ${CONTINUITY_KIND_WORDS[e.kind] ?? e.kind}`, { size: 10, bold: true });
          keyValues(doc, [
            ['Who', e.actorName], ['Where', e.location], ['Why', e.reason],
            ['Item SHA-256', e.itemSha256],
            ...describeEventDetails(e.details),
            ['Chain hash', e.hash],
          ]);
          doc.moveDown(0.5);
        }
        heading(doc, `Head of the chain for ${ex.reference}`, 11);
        paragraph(doc, head
          ? `Event #${head.seq}, chain hash ${head.hash}. The package manifest pins this head: a chain that ends sooner, or with another hash, was cut short or altered.`
          : `No events (chain hash ${CONTINUITY_GENESIS}).`);
      });
    },
  });
}
