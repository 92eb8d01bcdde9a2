import type { VigilModule } from '../../platform/modules';
import { registerRequestRoutes } from './register/register.routes';
import { registerCalendarRoutes } from './calendar/calendar.routes';
import { requestNoticesJob } from './notices/notices.jobs';
import { registerRequestReportRoutes } from './reports/reports.routes';
import { registerCaseworkRoutes } from './casework/casework.routes';
import { registerPolicyRoutes } from './policy/policy.routes';
import { seedDemoRequests } from './requests.demo';
import { registerCorrespondenceRoutes } from './correspondence/correspondence.routes';
export { CORRESPONDENCE_FILES_PATH } from './correspondence/correspondence.routes';
export { REQUEST_STILLS_PATH } from './casework/casework.routes';
export { loadCalendar } from './calendar/calendar.load';
import { registerDisclosureRoutes } from './disclosure/disclosure.routes';
import { registerViewingRoutes } from './viewings/viewings.routes';

/**
 * Information requests: one register of footage requests, subject access, FOI, complaints,
 * members' enquiries and viewings, each on its clock (register/); SAR and FOI casework (casework/:
 * identity, searches and stills, exemptions, the disclosure log); footage found, held, decided
 * and disclosed as an evidence package (disclosure/); viewings in the control room (viewings/);
 * correspondence and letters (correspondence/); reminders and the weekly summary
 * (notices/); the timeliness report (reports/); the council's dated clock policy (policy/); and
 * the calendar the clocks count on (calendar/: imported GOV.UK bank holidays, council closure days).
 */
export const requestsModule: VigilModule = {
  key: 'requests',
  routes(api) {
    // Before the register's: /requests/reports/… and /requests/clock-policy are not a request's id.
    registerRequestReportRoutes(api);
    registerPolicyRoutes(api);
    registerCorrespondenceRoutes(api);
    registerRequestRoutes(api);
    registerCaseworkRoutes(api);
    registerCalendarRoutes(api);
    registerDisclosureRoutes(api);
    registerViewingRoutes(api);
  },
  jobs: [requestNoticesJob],
  seedDemo: seedDemoRequests,
  navigation: [
    { key: 'requests', name: 'Requests', path: '/requests', permission: 'requests.read', group: 'work', description: 'Footage requests, subject access, FOI, complaints, members’ enquiries and viewings, each on its statutory clock.' },
    { key: 'viewings', name: 'Viewings', path: '/requests/viewings', permission: 'requests.viewings', group: 'work', description: 'The diary of footage viewings for the next 14 days: book the room, and record what was viewed and copied.' },
    { key: 'letter-templates', name: 'Letter templates', path: '/admin/letter-templates', permission: 'settings.manage', group: 'admin', description: 'The wording of the letters to requesters: acknowledgement, clarification, extension, refusal and response.' },
    { key: 'partner-requests', name: 'Footage requests', path: '/partner/requests', permission: 'requests.submit', group: 'work', description: 'Ask the council for footage with your authority, and follow your organisation’s requests.' },
    { key: 'request-calendar-settings', name: 'Request calendar and clocks', path: '/admin/request-calendar', permission: 'settings.manage', group: 'admin', description: 'Council closure days, a newer GOV.UK bank-holidays file, and the working days each of the council’s own request clocks allows.' },
  ],
};
