import { describe, expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps, uniq } from '../../../../../test/support/deps';
import type { WalkCtx } from '../../../../../test/support/walk';
import { anExhibit } from '../../evidence/evidence.walk';
import { aRequest } from '../register/register.walk';
import { aBooking } from './viewings.walk';

// The viewing diary through the API: one room never booked twice at once, and a viewing of an
// exhibit written into its chain of custody.

const deps = testDeps();
const { app } = testApp(deps);
const iso = (b: ReturnType<typeof aBooking>) => ({ ...b, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() });

async function setting() {
  const council = await makeOrganisation(deps);
  const { client, user } = await signedInAs(deps, app, ['operator'], council.id);
  const ctx: WalkCtx = { deps, councilOrgId: council.id, user: { ...user, password: '', organisationId: council.id }, bag: {} };
  return { client, ctx };
}

describe('booking viewings', () => {
  it('refuses a second booking of the same room at overlapping times, but not back to back or in another room', async () => {
    const { client, ctx } = await setting();
    const r = await aRequest(ctx, { type: 'viewing', summary: 'View footage of the car park' });
    const room = uniq('Suite');
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    const first = await client.post(`/api/v1/requests/${r.id}/viewings`, iso(aBooking({ room, startsAt })));
    expect(first.status).toBe(201);
    expect((await deps.db.selectFrom('requests').select('status').where('id', '=', r.id).executeTakeFirstOrThrow()).status).toBe('booked');
    const clash = await client.post(`/api/v1/requests/${r.id}/viewings`, iso(aBooking({ room: room.toUpperCase(), startsAt: new Date(startsAt.getTime() + 30 * 60_000) })));
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('requests.room_booked');
    expect((await client.post(`/api/v1/requests/${r.id}/viewings`, iso(aBooking({ room, startsAt: new Date(startsAt.getTime() + 3_600_000) })))).status).toBe(201);
    expect((await client.post(`/api/v1/requests/${r.id}/viewings`, iso(aBooking({ startsAt })))).status).toBe(201);

    const diary = await client.get(`/api/v1/viewings?from=${encodeURIComponent(new Date(startsAt.getTime() - 60_000).toISOString())}&to=${encodeURIComponent(new Date(startsAt.getTime() + 2 * 3_600_000).toISOString())}`);
    expect(diary.status).toBe(200);
    expect(diary.body.items.filter((v: { request: { id: string } }) => v.request.id === r.id)).toHaveLength(3);
  });

  it('records a viewing of an exhibit as a continuity event naming the viewer, and the viewing request as viewed', async () => {
    const { client, ctx } = await setting();
    const r = await aRequest(ctx, { type: 'viewing', summary: 'View footage of the car park' });
    const exhibitId = await anExhibit(ctx);
    const booked = await client.post(`/api/v1/requests/${r.id}/viewings`, iso(aBooking()));
    const bad = await client.post(`/api/v1/viewings/${booked.body.id}/record`, { state: 'viewed' });
    expect(bad.status).toBe(400);
    const recorded = await client.post(`/api/v1/viewings/${booked.body.id}/record`, { state: 'viewed', viewed: 'Camera 12, 23:30 to 23:50', copied: 'Still at 23:41', exhibitId });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ state: 'viewed', exhibit: { id: exhibitId } });
    const events = await deps.db.selectFrom('continuity_events').select(['kind', 'actor_name', 'location', 'reason']).where('exhibit_id', '=', exhibitId).orderBy('seq').execute();
    expect(events.map((e) => e.kind)).toEqual(['produced', 'viewed', 'copied']);
    expect(events[1]).toMatchObject({ actor_name: 'PC Sam Jones (Staffordshire Police)', reason: `Viewed for ${r.reference}: Camera 12, 23:30 to 23:50` });
    expect((await client.get(`/api/v1/requests/${r.id}`)).status).toBe(403); // operators keep the diary, not the register
    expect((await deps.db.selectFrom('requests').select(['status', 'closed_at']).where('id', '=', r.id).executeTakeFirstOrThrow())).toMatchObject({ status: 'viewed', closed_at: expect.any(Date) });
    expect((await client.post(`/api/v1/viewings/${booked.body.id}/record`, { state: 'cancelled' })).status).toBe(409);
  });
});
