import { STATEMENT_DECLARATION, type WitnessStatementBody } from '../../../../domain/evidence/statement';
import type { ContinuityLink } from '../continuity/continuity.models';
import { describeClock, describeSize, ukWhen, type ClockCheck } from '../../../../domain/evidence/words';

// The producer's witness statement, drafted from what Vigil recorded them doing: which exhibits they
// produced, from which cameras and times, with which hashes, the copies made, the bags they sealed
// and who they handed each exhibit to. Only their own handlings: everyone in the chain gives their
// own statement (uk-rules §4.2). The officer reads it, corrects it and makes it final in the app.

export interface StatementProducer { id?: string; name: string; jobTitle: string; employer: string }

export interface DraftExhibit {
  reference: string;
  description: string;
  cameras: { name: string; reference?: string }[];
  recordedFrom: string | null;
  recordedTo: string | null;
  clock: ClockCheck | null;
  masters: { name: string; sha256: string; size: number }[];
  derivatives: { reference: string; kind: 'working_copy' | 'clip' | 'still'; sha256: string; derivedFrom: string; ffmpegVersion: string | null }[];
  events: ContinuityLink[];
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const place = (location: string) => (location ? ` at ${location}` : '');
const because = (reason: string) => (reason ? `, ${reason.replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase()).replace(/\.$/, '')}` : '');
const nameOf = (v: unknown) => (v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : 'another member of staff');

const COPY_KIND = { working_copy: 'a working copy', clip: 'a clip', still: 'a still image' } as const;

function producedParagraph(ex: DraftExhibit, produced: ContinuityLink | undefined): string {
  const cameras = ex.cameras.map((c) => (c.reference ? `${c.reference} (${c.name})` : c.name));
  const when = produced ? `On ${ukWhen(produced.at)}${place(produced.location)} I produced` : 'I produced';
  const footage = cameras.length ? ` It is footage from camera${cameras.length > 1 ? 's' : ''} ${list(cameras)}` : ' It is footage';
  const span = ex.recordedFrom && ex.recordedTo ? ` recorded from ${ukWhen(ex.recordedFrom)} to ${ukWhen(ex.recordedTo)} (UK time)` : '';
  const clock = ex.clock
    ? ` When I checked the recorder's clock, ${describeClock(ex.clock)}; the times I give for the footage are true times.`
    : ' I did not compare the recorder\'s clock with the true time.';
  const files = ex.masters.map((m) => `${m.name}, ${describeSize(m.size)}, whose SHA-256 hash is ${m.sha256}`);
  const master = files.length === 1 ? ` The master is the file ${files[0]}.` : files.length ? ` The master consists of the files ${list(files)}.` : '';
  return `${when} exhibit ${ex.reference}: ${ex.description.replace(/\.$/, '')}.${footage}${span}.${clock}${master}`;
}

function copyParagraph(ex: DraftExhibit, d: DraftExhibit['derivatives'][number], copied: ContinuityLink | undefined): string {
  const when = copied ? `On ${ukWhen(copied.at)} I` : 'I';
  const parent = ex.masters.find((m) => m.sha256 === d.derivedFrom);
  const tool = d.ffmpegVersion ? ` using ffmpeg version ${d.ffmpegVersion}` : '';
  return `${when} made ${COPY_KIND[d.kind]} of exhibit ${ex.reference}, which I labelled ${d.reference}, from ${parent ? `the master file ${parent.name}` : 'the master'} (SHA-256 ${d.derivedFrom})${tool}. The master was not changed. The SHA-256 hash of ${d.reference} is ${d.sha256}.`;
}

function handlingSentence(ex: DraftExhibit, e: ContinuityLink): string | undefined {
  const on = `On ${ukWhen(e.at)}`;
  switch (e.kind) {
    case 'sealed': return `${on}${place(e.location)} I sealed exhibit ${ex.reference} in evidence bag number ${String(e.details.bagNumber ?? '(not recorded)')}.`;
    case 'handed_over': return `${on}${place(e.location)} I handed exhibit ${ex.reference} to ${nameOf(e.details.to)}${because(e.reason)}.`;
    case 'received': return `${on}${place(e.location)} I received exhibit ${ex.reference} from ${nameOf(e.details.from)}.`;
    case 'rejected': return `${on}${place(e.location)} I refused to accept exhibit ${ex.reference} from ${nameOf(e.details.from)}${because(e.reason)}.`;
    case 'returned': return `${on} I returned exhibit ${ex.reference} to ${e.location || 'store'}${because(e.reason)}.`;
    case 'viewed': return `${on}${place(e.location)} I viewed exhibit ${ex.reference}${because(e.reason)}.`;
    default: return undefined;
  }
}

/** A first draft of the producer's statement, in plain UK English and UK time. */
export function draftWitnessStatement({ producer, exhibits, urn = '' }: { producer: StatementProducer; exhibits: DraftExhibit[]; urn?: string }): WitnessStatementBody {
  const mine = (e: ContinuityLink) => (producer.id ? e.actorId === producer.id : e.actorName === producer.name);
  const employer = producer.employer ? ` by ${producer.employer}` : '';
  const narrative = [
    `I am employed${employer} as ${/^[aeiou]/i.test(producer.jobTitle) ? 'an' : 'a'} ${producer.jobTitle}. My duties include operating the CCTV system and producing recorded footage from it as evidence. All times in this statement are UK time.`,
  ];
  for (const ex of exhibits) {
    const events = [...ex.events].sort((a, b) => a.seq - b.seq);
    narrative.push(producedParagraph(ex, events.find((e) => e.kind === 'produced')));
    for (const d of ex.derivatives) {
      const copied = events.find((e) => e.kind === 'copied' && (e.details.derivative as { sha256?: string } | undefined)?.sha256 === d.sha256);
      narrative.push(copyParagraph(ex, d, copied));
    }
    const handled = events.filter(mine).map((e) => handlingSentence(ex, e)).filter((s): s is string => !!s);
    if (handled.length) narrative.push(handled.join(' '));
  }
  narrative.push(`I produce ${exhibits.length === 1 ? 'this exhibit' : 'these exhibits'}: ${list(exhibits.map((e) => e.reference))}.`);
  return {
    urn, name: producer.name, age: 'Over 18', occupation: producer.jobTitle, employer: producer.employer, narrative,
    exhibits: exhibits.map((ex) => ({ reference: ex.reference, description: ex.description, sha256s: [...ex.masters.map((m) => m.sha256), ...ex.derivatives.map((d) => d.sha256)] })),
    declaration: STATEMENT_DECLARATION, signedAt: null,
  };
}
