import { createHash } from 'node:crypto';
import { sealContinuityEvent, type ContinuityContent, type ContinuityLink } from '../continuity/continuity.models';
import type { DraftExhibit, StatementProducer } from './statement.models';

// Exhibits as the evidence module hands them to the package builder, for tests: a producer, a
// master, a working copy and a continuity history with a copy, a seal and a hand-over.

export const sha256Of = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export const PRODUCER: StatementProducer = { id: 'u-ann', name: 'Ann Brown', jobTitle: 'CCTV enforcement officer', employer: 'Northtown Borough Council' };

type Step = Omit<ContinuityContent, 'seq' | 'exhibitId' | 'exhibitReference' | 'itemSha256' | 'actorId' | 'actorName'> & { actor?: { id: string; name: string } };

export function chain({ exhibitReference, itemSha256, steps }: { exhibitReference: string; itemSha256: string; steps: Step[] }): ContinuityLink[] {
  const links: ContinuityLink[] = [];
  for (const { actor = { id: PRODUCER.id!, name: PRODUCER.name }, ...step } of steps) {
    const head = links.at(-1);
    links.push(sealContinuityEvent({
      head: head && { seq: head.seq, hash: head.hash },
      event: { exhibitId: `id-${exhibitReference}`, exhibitReference, itemSha256, actorId: actor.id, actorName: actor.name, ...step },
    }));
  }
  return links;
}

/** An exhibit whose master and working copy have the bytes given. */
export function fixtureExhibit({ reference, master, copy, masterName = 'NVR export 0001.avi' }: { reference: string; master: Uint8Array; copy: Uint8Array; masterName?: string }): DraftExhibit {
  const masterSha = sha256Of(master);
  const copySha = sha256Of(copy);
  const copyRef = `${reference}/WC1`;
  return {
    reference,
    description: `Footage of the disturbance outside the Red Lion (${reference})`,
    cameras: [{ name: 'Market Street north', reference: 'CAM-012' }],
    recordedFrom: '2025-11-23T14:00:00.000Z',
    recordedTo: '2025-11-23T14:10:00.000Z',
    clock: { recorderShowed: '2025-11-23T14:03:10.000Z', trueTime: '2025-11-23T14:05:00.000Z', offsetSeconds: 110 },
    masters: [{ name: masterName, sha256: masterSha, size: master.length }],
    derivatives: [{ reference: copyRef, kind: 'working_copy', sha256: copySha, derivedFrom: masterSha, ffmpegVersion: '4.1' }],
    events: chain({
      exhibitReference: reference, itemSha256: masterSha, steps: [
        { kind: 'produced', at: '2025-11-24T09:15:00.000Z', location: 'CCTV control room', reason: 'Requested by PC 1234 Smith', details: { masters: [{ name: masterName, sha256: masterSha }] } },
        { kind: 'copied', at: '2025-11-24T09:20:00.000Z', location: 'Vigil', reason: 'Court-playable copy', details: { derivative: { reference: copyRef, sha256: copySha, size: copy.length }, parentSha256: masterSha, ffmpegVersion: '4.1', ffmpegArgs: ['-i', 'in', 'out.mp4'] } },
        { kind: 'sealed', at: '2025-11-24T09:30:00.000Z', location: 'CCTV control room', reason: '', details: { bagNumber: 'EB-778812' } },
        { kind: 'handed_over', at: '2025-11-24T10:00:00.000Z', location: 'Front counter', reason: 'For the investigation', details: { to: { id: 'u-pc', name: 'PC 1234 Smith' } } },
        { kind: 'received', at: '2025-11-24T10:01:00.000Z', location: 'Front counter', reason: '', actor: { id: 'u-pc', name: 'PC 1234 Smith' }, details: { from: { id: PRODUCER.id, name: PRODUCER.name }, handoverSeq: 4, signatureSha256: sha256Of('signature') } },
      ],
    }),
  };
}
