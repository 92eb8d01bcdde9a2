import { describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, testDeps } from '../../../../test/support/deps';
import { asActor, sessionInput } from '../../../../test/support/lone-working-fixtures';
import * as handover from '../occurrences/handover/handover.usecases';
import * as calls from './calls/calls.usecases';
import { callInput } from './calls/calls.walk';
import * as loneWorking from './lone-working/lone-working.usecases';
import * as alarms from './buildings/alarms.usecases';
import { aBuilding } from './buildings/buildings.walk';
import type { ShiftSection } from '../../../domain/platform/contract';

// Issue 13, point 6: the shift handover carries the out-of-hours service's open work beside the
// occurrence log (open calls, lone workers out, alarms not reset), and keeps it as it stood when
// sent: the incoming shift reads what was handed over even after the call is closed.

const deps = testDeps();
const mentions = (sections: ShiftSection[], key: string, words: string) =>
  (sections.find((s) => s.key === key)?.items ?? []).some((i) => `${i.text} ${i.detail ?? ''}`.includes(words));

describe('the shift handover and the out-of-hours service', () => {
  it('hands over open calls, lone workers out and alarms not reset, as they stood when sent', async () => {
    const org = await makeOrganisation(deps);
    const [outgoing, incoming, officer] = await Promise.all([
      makeUser(deps, { roles: ['operator'], organisationId: org.id }), makeUser(deps, { roles: ['operator'], organisationId: org.id }), makeUser(deps, { roles: ['ooh_officer'], organisationId: org.id }),
    ]);
    const actor = asActor(officer);
    const call = await calls.takeCall(deps, { actor, input: await callInput({ deps }, { address: '41 Shift Test Road' }) });
    const worker = sessionInput(deps.clock.now(), { duressWord: null });
    await loneWorking.startSession(deps, { actor, input: worker });
    const building = await aBuilding({ deps, councilOrgId: org.id });
    await alarms.raiseAlarm(deps, { actor, input: { buildingId: building.id, kind: 'intruder', raisedAt: new Date(Date.now() - 60_000), location: 'Rear fire door', source: 'Monitoring centre' } });

    const draft = await handover.draftHandover(deps, { userId: outgoing.id });
    const headings = draft.duties.map((d) => d.key);
    expect(headings).toEqual(expect.arrayContaining(['ooh-calls', 'ooh-lone-workers', 'ooh-alarms', 'ooh-absence', 'ooh-incidents']));
    expect(mentions(draft.duties, 'ooh-calls', call.reference)).toBe(true);
    expect(mentions(draft.duties, 'ooh-lone-workers', worker.worker.name)).toBe(true);
    expect(mentions(draft.duties, 'ooh-alarms', building.name)).toBe(true);

    const sent = await handover.createHandover(deps, {
      actor: { userId: outgoing.id, audit: { actorId: outgoing.id, actorUsername: outgoing.username, ip: null, userAgent: null } } as never,
      input: { to: { kind: 'user', id: incoming.id }, occurrenceIds: [], actions: [], equipmentFaults: '', notes: '' },
    });
    await calls.closeCall(deps, { actor, id: call.id, advice: 'Advised to call back in the morning' });

    const read = await handover.getHandover(deps, { id: sent.id, viewer: { userId: incoming.id, canWrite: true } });
    expect(mentions(read.duties, 'ooh-calls', call.reference)).toBe(true); // as it stood when sent
    expect(mentions((await handover.draftHandover(deps, { userId: incoming.id })).duties, 'ooh-calls', call.reference)).toBe(false); // closed now
  });
});
