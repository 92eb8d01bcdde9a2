import type { Deps } from '../../platform/deps';
import type { DemoCouncil } from '../../platform/modules';
import { addDays } from '../../../domain/calendar/days';
import { londonDay, londonWallClock } from '../../../domain/calendar/london';
import { ReceiveRequest, SubmitFootageRequest } from '../../../domain/requests/contract';
import { seededRandom } from '../maintenance/faults.demo';
import * as uc from './register/register.usecases';
import { STORIES, type Step, type Story, type Who } from './requests.demo.stories';

// The demo's requests: a quarter of them (requests.demo.stories.ts), made through the register's
// own use cases with the clock set to the day of each step, so references run in date order,
// events carry their real days and every clock is worked out as it would have been.

const PUBLIC = ['Jane Whitfield', 'Mohammed Iqbal', 'Sarah Lomas', 'Daniel Okoro', 'Emma Tranter', 'Peter Salt', 'Aisha Begum', 'Chris Wain', 'Laura Bould', 'Tomasz Nowak'];
const OFFICERS: [string, string, string][] = [['Jordan Ellis', 'Police Constable', '4471'], ['Amy Rowe', 'Detective Constable', '2290'], ['Neil Parkes', 'Sergeant', '1187']];
const INSURER_STAFF = ['Ruth Adeyemi', 'Mark Devlin'];

type Action = { story: number; d: number; slot: number; step?: Step };

/** Seeds the stories through the use cases, oldest action first; returns how many requests and steps. */
export async function seedDemoRequests(deps: Deps, council: Pick<DemoCouncil, 'users' | 'organisations'>) {
  const now = deps.clock.now();
  const today = londonDay(now);
  const random = seededRandom(12);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const at = (d: number, slot: number) => (d === 0
    ? new Date(now.getTime() - (60 - slot) * 1000)
    : londonWallClock(addDays(today, -d), { hour: 9 + Math.min(slot, 8), minute: Math.floor(random() * 50) })!);
  const on = (d: number, slot: number): Deps => { const moment = at(d, slot); return { ...deps, clock: { now: () => moment } }; };
  const person = (username: string) => {
    const u = council.users[username]!;
    return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  };
  const council_ = (username: Who): uc.Actor => ({ ...person(username), viewer: { party: 'council' } });

  const actions: Action[] = STORIES.flatMap((s, story) => [{ story, d: s.d, slot: 0 }, ...s.steps.map((step, i) => ({ story, d: step.d, slot: i + 1, step }))]);
  actions.sort((a, b) => b.d - a.d || a.story - b.story || a.slot - b.slot);
  const ids: string[] = [];
  let steps = 0;
  for (const a of actions) {
    const s = STORIES[a.story]!;
    const when = on(a.d, a.slot);
    const owner = s.owner ?? ownerOf(s);
    if (!a.step) {
      ids[a.story] = await receive(when, s, { pick, person, council, owner: s.steps.length ? council.users[owner]!.id : undefined });
      continue;
    }
    const actor = council_(owner);
    const id = ids[a.story]!;
    const day = addDays(today, -a.d);
    const st = a.step;
    if (st.k === 'status') await uc.changeStatus(when, { actor, id, input: { status: st.to, note: st.note ?? '' } });
    else if (st.k === 'stop') await uc.stopClock(when, { actor, id, input: { reason: st.reason, on: day, note: st.note } });
    else if (st.k === 'restart') await uc.restartClock(when, { actor, id, input: { on: day, note: st.note ?? '' } });
    else if (st.k === 'extend') await uc.extendClock(when, { actor, id, input: { reason: st.reason, notifiedOn: day } });
    else if (st.k === 'escalate') await uc.escalateComplaint(when, { actor, id, input: { on: day, note: st.note } });
    else await uc.addNote(when, { actor, id, input: { note: st.note } });
    steps++;
  }
  return { requests: STORIES.length, requestSteps: steps };
}

const ownerOf = (s: Story): Who => (['agency_footage', 'third_party_footage', 'sar'].includes(s.type) ? 'enforcement' : 'coordinator');

async function receive(deps: Deps, s: Story, { pick, person, council, owner }: {
  pick: <T>(l: readonly T[]) => T; person: (u: string) => { audit: uc.Actor['audit']; userId: string };
  council: Pick<DemoCouncil, 'users' | 'organisations'>; owner?: string;
}): Promise<string> {
  const day = londonDay(deps.clock.now());
  const from = new Date(deps.clock.now().getTime() - (2 + Math.floor(pick([1, 2, 3, 4, 5]))) * 86_400_000);
  const timeRange = { timeFrom: from.toISOString(), timeTo: new Date(from.getTime() + 90 * 60_000).toISOString() };
  if (s.from === 'police') {
    const [officerName, officerRank, officerNumber] = pick(OFFICERS);
    const input = SubmitFootageRequest.parse({
      summary: s.summary, place: s.place ?? '', ...timeRange, phone: '101 ext 4471',
      authority: { crimeReference: `SP/${String(4000 + s.d * 37 + s.summary.length).padStart(5, '0')}/${day.slice(2, 4)}`, exemption: 'DPA 2018 Sch 2 Pt 1 para 2 (prevention or detection of crime)', officerName, officerRank, officerNumber },
    });
    const made = await uc.submitFootageRequest(deps, {
      actor: { ...person('police'), viewer: { party: 'agency', organisationId: council.organisations.police } }, input,
      user: { name: `${officerRank} ${officerName}`, organisationId: council.organisations.police, organisationName: 'Staffordshire Police' },
    });
    if (owner) await uc.assignOwner(deps, { actor: { ...person('enforcement'), viewer: { party: 'council' } }, id: made.id, input: { ownerId: owner } });
    return made.id;
  }
  const insurer = s.from === 'insurer';
  const name = insurer ? pick(INSURER_STAFF) : pick(PUBLIC);
  const input = ReceiveRequest.parse({
    type: s.type, receivedOn: day, channel: insurer ? 'email' : pick(['email', 'web_form', 'post', 'phone', 'in_person'] as const),
    requester: { name, organisation: insurer ? 'Midland Mutual Insurance' : s.type === 'enquiry' ? 'Ward councillor' : '', email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, phone: '', address: insurer ? '' : '12 Example Road, Burton upon Trent' },
    summary: s.summary, place: s.place ?? '', ...(s.type.endsWith('footage') || s.type === 'sar' ? timeRange : {}),
    personDescription: s.type === 'sar' ? 'Medium build, short grey hair' : '', clothing: s.type === 'sar' ? 'Navy coat, red scarf' : '',
    isDataProtectionComplaint: s.dp ?? false, ownerId: owner,
  });
  const made = await uc.receiveRequest(deps, { actor: { ...person('enforcement'), viewer: { party: 'council' } }, input, organisationId: insurer ? council.organisations.insurer : null });
  return made.id;
}
