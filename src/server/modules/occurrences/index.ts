import type { VigilModule } from '../../platform/modules';
import { listCameras } from '../estate';
import { registerOccurrenceRoutes } from './occurrences.routes';
import { registerOccurrenceSearchRoutes } from './search/search.routes';
import { registerHandoverRoutes } from './handover/handover.routes';
import { registerProcedureRoutes } from './procedures/procedures.routes';
import { registerShareRoutes } from './shares/shares.routes';
import { registerRedactionRoutes } from './redaction/redaction.routes';
import { personalDataRetentionJob } from './retention/retention.jobs';
import { seedDemoOccurrences } from './occurrences.demo';
import { startSearchDocumentRefresh } from './search/search';

export { seedDemoOccurrences } from './occurrences.demo';
export { getRetentionDays, REMOVAL_DAYS_KEY, REVIEW_DAYS_KEY } from './retention/retention';
export { countOccurrencesNear } from './nearby/nearby.repository';
/** Opens an occurrence in the control room's log (the field module opens one for an ASB report passed to the control room). */
export { openOccurrence } from './occurrences.usecases';

/** The control-room occurrence log: entries, search, handover, procedures, personal data and its retention. */
export const occurrencesModule: VigilModule = {
  key: 'occurrences',
  routes(api, live) {
    registerOccurrenceSearchRoutes(api);
    registerOccurrenceRoutes(api, live);
    registerHandoverRoutes(api);
    registerProcedureRoutes(api);
    registerShareRoutes(api);
    registerRedactionRoutes(api);
  },
  jobs: [personalDataRetentionJob],
  housekeeping: ({ db, log }) => startSearchDocumentRefresh({ db, log }),
  async seedDemo(deps, council) {
    const user = (username: string) => ({ id: council.users[username].id, username });
    const history = await seedDemoOccurrences(deps, {
      operators: [user('operator'), user('operator2'), user('supervisor')], supervisor: user('supervisor'),
      cameraIds: (await listCameras(deps.db)).map((c) => c.id),
    });
    return { occurrences: history.occurrences };
  },
  navigation: [
    { key: 'occurrences', name: 'Occurrences', path: '/occurrences', permission: 'occurrences.read', group: 'work', order: 1, description: 'Control-room occurrence log and shift handover.' },
    // Not under /occurrences: administrators review personal data without reading the log.
    { key: 'personal-data-review', name: 'Personal data review', path: '/personal-data-review', permission: 'occurrences.review_personal_data', group: 'admin', description: 'Names and details in the log past their review date: keep them held or remove them now.' },
    // Partner agencies: what the council shared with their organisation.
    { key: 'shared', name: 'Shared with us', path: '/shared', permission: 'shared.read', group: 'work', description: 'Occurrences the council has shared with your organisation: find one, open it, export the list.' },
    { key: 'procedures', name: 'Procedures', path: '/admin/procedures', permission: 'settings.manage', group: 'admin', description: 'The steps operators follow for each category of occurrence.' },
  ],
};
