import type { Db } from '../../../platform/db/db';
import type { OohIncident, OohIncidentSummary } from '../../../../domain/ooh/incidents.contract';
import { methaneChanges, methaneSummary } from '../../../../domain/ooh/methane';
import { actionStatus, type ActionStatus, type TimelineSource } from '../../../../domain/ooh/incidents';
import * as repo from './incidents.repository';

// Major incidents as the API gives them: the summary for lists and the shift, the whole incident.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type MethaneRow = Awaited<ReturnType<typeof repo.listMethane>>[number];

function summaryOf(row: repo.IncidentRow, versions: MethaneRow[]): OohIncidentSummary {
  const latest = versions.at(-1)!.message;
  return {
    id: row.id, reference: row.reference, title: row.title, exercise: row.exercise, open: row.closed_at === null,
    declaredAt: iso(row.declared_at)!, closedAt: iso(row.closed_at), status: latest.status, summary: methaneSummary(latest), versions: versions.length,
  };
}

export async function listSummaries(db: Db, filter: { open?: boolean } = {}): Promise<OohIncidentSummary[]> {
  const rows = await repo.listIncidents(db, filter);
  const versions = await repo.listMethane(db, rows.map((r) => r.id));
  return rows.map((r) => summaryOf(r, versions.filter((v) => v.incident_id === r.id)));
}

export async function incidentDetail(db: Db, row: repo.IncidentRow): Promise<OohIncident> {
  const [versions, timeline, decisions, actions, updates, handovers] = await Promise.all([
    repo.listMethane(db, [row.id]), repo.listTimeline(db, row.id), repo.listDecisions(db, row.id),
    repo.listActions(db, row.id), repo.listActionUpdates(db, row.id), repo.listHandovers(db, row.id),
  ]);
  return {
    ...summaryOf(row, versions),
    declaredBy: row.declared_by_name, closedBy: row.closed_by_name, closingNote: row.closing_note,
    methane: versions.map((v, i) => ({
      version: v.version, sentAt: iso(v.sent_at)!, by: v.by_name, message: v.message, summary: methaneSummary(v.message),
      changes: methaneChanges(i ? (versions[i - 1]!.message) : null, v.message),
    })),
    timeline: timeline.map((t) => ({
      seq: t.seq, receivedAt: iso(t.received_at)!, source: t.source as TimelineSource, sourceName: t.source_name, content: t.content,
      correctsSeq: t.corrects_seq, correctedBySeq: timeline.find((x) => x.corrects_seq === t.seq)?.seq ?? null,
      recordedBy: t.recorded_by_name, recordedAt: iso(t.recorded_at)!,
    })),
    decisions: decisions.map((d) => ({
      seq: d.seq, decision: d.decision, rationale: d.rationale, options: d.options, decidedByName: d.decided_by_name, decidedByRole: d.decided_by_role,
      decidedAt: iso(d.decided_at)!, revisesSeq: d.revises_seq, revisedBySeq: decisions.find((x) => x.revises_seq === d.seq)?.seq ?? null,
      recordedBy: d.recorded_by_name, recordedAt: iso(d.recorded_at)!,
    })),
    actions: actions.map((a) => {
      const mine = updates.filter((u) => u.action_seq === a.seq).map((u) => ({ status: u.status as ActionStatus, note: u.note, by: u.by_name, at: iso(u.at)! }));
      return {
        seq: a.seq, action: a.action, ownerName: a.owner_name, ownerOrganisation: a.owner_organisation, dueAt: iso(a.due_at),
        status: actionStatus(mine), recordedBy: a.recorded_by_name, recordedAt: iso(a.recorded_at)!, updates: mine,
      };
    }),
    handovers: handovers.map((h) => ({
      seq: h.seq, from: h.from_name, to: { id: h.to_user_id, name: h.to_name }, summary: h.summary, outstanding: h.outstanding,
      handedAt: iso(h.handed_at)!, acknowledgedAt: iso(h.acknowledged_at), acknowledgedBy: h.acknowledged_by,
    })),
  };
}
