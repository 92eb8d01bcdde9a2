import { expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { testDeps } from '../../../../../test/support/deps';
import { aCheckedCamera, ownDayClock } from './checks.fixtures';

// The operator's keyboard screen over HTTP: the current round, one result at a time, the next item
// answered each time; a failure needs a note and raises a fault the faults list and its CSV show.

const clock = ownDayClock();
const deps = testDeps({ clock });
const { app } = testApp(deps);

type Next = { targetId: string; item: string; reference: string } | null;

it('an operator goes through the round from the keyboard: each result answers the next item, a failure needs a note and raises a fault', async () => {
  const camera = await aCheckedCamera(deps, { kind: 'fixed', capabilities: ['zoom'] });
  const { client: operator } = await signedInAs(deps, app, ['operator']);
  const got = await operator.get('/api/v1/checks/current?kind=cameras');
  expect(got.status).toBe(200);
  const round = got.body;
  const again = await operator.get('/api/v1/checks/current?kind=cameras');
  expect(again.body.id).toBe(round.id);
  const order = round.targets.flatMap((t: { id: string; items: string[] }) => t.items.map((item) => ({ targetId: t.id, item })));
  expect(round.total).toBe(order.length);
  expect(round.next).toMatchObject(order[0]);

  // One key per result: the answer names the next item, in the round's order.
  let next: Next = round.next;
  for (let i = 0; i < 4; i++) {
    const r = await operator.post(`/api/v1/checks/rounds/${round.id}/results`, { targetId: next!.targetId, item: next!.item, outcome: 'pass' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ done: i + 1, total: round.total, fault: null });
    expect(r.body.next).toMatchObject(order[i + 1]);
    next = r.body.next;
  }

  const items = round.targets.find((t: { id: string }) => t.id === camera.id).items;
  expect(items).toEqual(['picture', 'ptz', 'focus', 'recording', 'clock']);
  const noNote = await operator.post(`/api/v1/checks/rounds/${round.id}/results`, { targetId: camera.id, item: 'picture', outcome: 'fail' });
  expect(noNote.status).toBe(400);
  expect(noNote.body.errors).toEqual([{ path: 'note', message: expect.stringContaining('note') }]);
  const failed = await operator.post(`/api/v1/checks/rounds/${round.id}/results`, { targetId: camera.id, item: 'picture', outcome: 'fail', note: 'Picture rolling' });
  expect(failed.status).toBe(201);
  expect(failed.body.fault).toMatchObject({ isNew: true });
  // Next: on past what was just recorded (the camera's own next item), skipping what is done.
  const at = order.findIndex((o: { targetId: string; item: string }) => o.targetId === camera.id && o.item === 'picture');
  const done = new Set([...order.slice(0, 4), order[at]].map((o) => `${o.targetId}:${o.item}`));
  const expected = [...order.slice(at + 1), ...order.slice(0, at)].find((o) => !done.has(`${o.targetId}:${o.item}`));
  expect(failed.body.next).toMatchObject(expected);
  if (!done.has(`${camera.id}:ptz`)) expect(failed.body.next).toMatchObject({ targetId: camera.id, item: 'ptz' });

  const view = await operator.get(`/api/v1/checks/rounds/${round.id}`);
  expect(view.body.done).toBe(done.size);
  expect(view.body.targets.find((t: { id: string }) => t.id === camera.id).status).toBe('faulty');

  const faults = await operator.get('/api/v1/checks/faults?state=open&target=camera&pageSize=200');
  expect(faults.status).toBe(200);
  expect(faults.body.items.find((f: { reference: string }) => f.reference === failed.body.fault.reference)).toMatchObject({ targetId: camera.id, item: 'picture', failures: 1 });
  expect((await operator.get('/api/v1/checks/faults?target=equipment&pageSize=200')).body.items.map((f: { reference: string }) => f.reference)).not.toContain(failed.body.fault.reference);
  expect((await operator.get('/api/v1/checks/faults?state=closed&pageSize=200')).body.items.map((f: { reference: string }) => f.reference)).not.toContain(failed.body.fault.reference);
  const csv = await operator.get('/api/v1/checks/faults.csv?state=open');
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(csv.text.split('\r\n')[0]).toBe('reference,raised_at,raised_by,target_type,target_reference,target_name,item,description,state,failures');
  expect(csv.text).toContain(`${failed.body.fault.reference},`);
  expect(csv.text).toContain('Picture failed on the daily check of');

  // The supervisor sees the round under way; an operator may not.
  const { client: supervisor } = await signedInAs(deps, app, ['supervisor']);
  const overview = await supervisor.get('/api/v1/checks/overview');
  expect(overview.body.rounds.find((r: { roundId: string | null }) => r.roundId === round.id)).toMatchObject({ done: done.size, total: round.total, isComplete: false });
  expect((await operator.get('/api/v1/checks/overview')).status).toBe(403);
});

it('an administrator reads and sets the checks’ settings; a night shift before the day shift is refused with what to fix', async () => {
  const { client: admin } = await signedInAs(deps, app, ['admin']);
  const got = await admin.get('/api/v1/checks/settings');
  expect(got.body).toEqual({ dayStartsAt: '07:00', nightStartsAt: '19:00', clockToleranceSeconds: 10, dueWithinMinutes: 180 });
  const bad = await admin.request('PUT', '/api/v1/checks/settings', { ...got.body, nightStartsAt: '06:00', clockToleranceSeconds: 0 });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['clockToleranceSeconds', 'nightStartsAt']);
  const badOrder = await admin.request('PUT', '/api/v1/checks/settings', { ...got.body, nightStartsAt: '06:00' });
  expect(badOrder.body.errors).toEqual([{ path: 'nightStartsAt', message: 'The night shift must start after the day shift' }]);
  // Written back as they are (other tests run on the same settings), the change is audited.
  const put = await admin.request('PUT', '/api/v1/checks/settings', got.body);
  expect(put.status).toBe(200);
  const audit = await deps.db.selectFrom('audit_pending').select('action').where('record_id', '=', 'estate.checks').execute();
  expect(audit.map((a) => a.action)).toContain('settings.changed');
});
