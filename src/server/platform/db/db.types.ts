import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

// Table types for Kysely, kept by hand beside the migrations that define them.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: 'council' | 'police' | 'insurer' | 'contractor' | 'other';
  is_external: boolean;
  created_at: Generated<Date>;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  organisation_id: string;
  team_id: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: Date | null;
  is_active: Generated<boolean>;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_enabled_at: Date | null;
  mfa_last_step: string | null;
  locked_until: Date | null;
  failures_reset_at: Date | null;
  last_sign_in_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserRolesTable { user_id: string; role: string }

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  stage: 'active' | 'mfa' | 'mfa_enrolment' | 'password_change';
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface AuditEventsTable {
  seq: string; // bigint comes back as a string from pg
  id: Generated<string>;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  user_agent: string | null;
  details: Json;
  content_hash: string;
  prev_hash: string;
  hash: string;
}

export interface AuditPendingTable {
  pending_seq: Generated<string>;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  user_agent: string | null;
  details: Json;
  content_hash: string;
}

export interface CamerasTable {
  id: Generated<string>;
  reference: string;
  name: string;
  location_text: string;
  latitude: number;
  longitude: number;
  kind: Generated<'fixed' | 'ptz' | 'mobile' | 'anpr'>;
  status: Generated<'operational' | 'faulty' | 'offline' | 'decommissioned'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OccurrenceCategoriesTable {
  id: Generated<string>;
  key: string;
  name: string;
  is_active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: Generated<Date>;
}

export interface ProcedureStepsTable {
  id: Generated<string>;
  category_id: string;
  position: number;
  text: string;
  is_required: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  retired_at: Date | null;
}

export interface OccurrenceCountersTable { year: number; last_number: number }

export type OccurrenceSource = 'camera_patrol' | 'police_request' | 'radio_scheme' | 'public_call' | 'council_staff' | 'alarm' | 'other';
export type OccurrencePriority = 'immediate' | 'high' | 'normal' | 'low';
export type OccurrenceOutcome = 'arrest' | 'detained' | 'dispersed' | 'no_trace' | 'handed_to_police' | 'advice_given' | 'false_alarm' | 'other';

export interface OccurrencesTable {
  id: Generated<string>;
  reference: string;
  year: number;
  number: number;
  opened_at: Date;
  opened_by: string;
  source: OccurrenceSource;
  category_id: string;
  priority: OccurrencePriority;
  summary: string;
  location_text: Generated<string>;
  latitude: number | null;
  longitude: number | null;
  status: Generated<'open' | 'closed'>;
  outcome: OccurrenceOutcome | null;
  closed_at: Date | null;
  closed_by: string | null;
  updated_at: Generated<Date>;
  last_entry_seq: Generated<number>;
}

export interface OccurrenceCamerasTable { occurrence_id: string; camera_id: string; added_at: Generated<Date>; added_by: string }

export type EntryKind = 'opened' | 'observation' | 'action' | 'communication' | 'notification' | 'footage' | 'procedure' | 'camera' | 'amendment' | 'closed' | 'reopened' | 'personal_data_removed';
export type Agency = 'police' | 'ambulance' | 'fire' | 'council' | 'partner' | 'other';

export interface OccurrenceEntriesTable {
  id: Generated<string>;
  occurrence_id: string;
  seq: number;
  kind: EntryKind;
  body: Generated<string>;
  observed_at: Date | null;
  recorded_at: Date;
  author_id: string | null;
  amends_id: string | null;
  reason: string | null;
  agency: Agency | null;
  agency_reference: string | null;
  notified_at: Date | null;
  camera_id: string | null;
  footage_from: Date | null;
  footage_to: Date | null;
  procedure_step_id: string | null;
  outcome: string | null;
}

export interface OccurrencePersonalDataTable {
  id: Generated<string>;
  occurrence_id: string;
  entry_id: string | null;
  name: string | null;
  details: string | null;
  recorded_at: Date;
  recorded_by: string;
  flagged_for_review_at: Date | null;
  removed_at: Date | null;
  removal_reason: string | null;
}

export interface OccurrenceHoldsTable { occurrence_id: string; held_by: string; reference: string; created_at: Generated<Date>; released_at: Date | null }
export interface OccurrenceSharesTable { occurrence_id: string; organisation_id: string; shared_at: Generated<Date>; shared_by: string }

export interface HandoversTable {
  id: Generated<string>;
  from_user_id: string;
  shift_started_at: Date | null;
  created_at: Date;
  notes: Generated<string>;
  equipment_faults: Generated<string>;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

export interface HandoverOccurrencesTable { handover_id: string; occurrence_id: string }

export interface OutstandingActionsTable {
  id: Generated<string>;
  text: string;
  owner_id: string;
  due_at: Date;
  occurrence_id: string | null;
  created_at: Date;
  created_by: string;
  handover_id: string | null;
  done_at: Date | null;
  done_by: string | null;
}

export interface SupervisorAlertsTable {
  id: Generated<string>;
  kind: string;
  occurrence_id: string | null;
  message: string;
  created_at: Date;
  created_by: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

export interface SchemaMigrationsTable { version: string; name: string; checksum: string; applied_at: Generated<Date> }

/** Migration 0004: the words of an occurrence's entries up to through_seq (stripped tsvector). */
export interface OccurrenceSearchDocumentsTable {
  occurrence_id: string;
  search: string;
  through_seq: number;
}

export interface OccurrenceSearchDueTable {
  occurrence_id: string;
}

export interface Database {
  organisations: OrganisationsTable;
  teams: TeamsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  settings: SettingsTable;
  audit_events: AuditEventsTable;
  audit_pending: AuditPendingTable;
  schema_migrations: SchemaMigrationsTable;
  cameras: CamerasTable;
  occurrence_categories: OccurrenceCategoriesTable;
  procedure_steps: ProcedureStepsTable;
  occurrence_counters: OccurrenceCountersTable;
  occurrences: OccurrencesTable;
  occurrence_cameras: OccurrenceCamerasTable;
  occurrence_entries: OccurrenceEntriesTable;
  occurrence_personal_data: OccurrencePersonalDataTable;
  occurrence_search_documents: OccurrenceSearchDocumentsTable;
  occurrence_search_due: OccurrenceSearchDueTable;
  occurrence_holds: OccurrenceHoldsTable;
  occurrence_shares: OccurrenceSharesTable;
  handovers: HandoversTable;
  handover_occurrences: HandoverOccurrencesTable;
  outstanding_actions: OutstandingActionsTable;
  supervisor_alerts: SupervisorAlertsTable;
}

export type Db = Kysely<Database> | Transaction<Database>;
