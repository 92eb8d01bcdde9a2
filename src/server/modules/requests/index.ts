import type { VigilModule } from '../../platform/modules';
import { registerRequestRoutes } from './register/register.routes';
import { registerCalendarRoutes } from './calendar/calendar.routes';
import { registerCorrespondenceRoutes } from './correspondence/correspondence.routes';
export { CORRESPONDENCE_FILES_PATH } from './correspondence/correspondence.routes';

/**
 * Information requests: one register of footage requests, subject access, FOI, complaints,
 * members' enquiries and viewings, each on its clock (register/), and the calendar the clocks count
 * on (calendar/: imported GOV.UK bank holidays, council closure days).
 */
export const requestsModule: VigilModule = {
  key: 'requests',
  routes(api) {
    registerCorrespondenceRoutes(api);
    registerRequestRoutes(api);
    registerCalendarRoutes(api);
  },
  navigation: [
    { key: 'requests', name: 'Requests', path: '/requests', permission: 'requests.read', group: 'work', description: 'Footage requests, subject access, FOI, complaints, members’ enquiries and viewings, each on its statutory clock.' },
    { key: 'letter-templates', name: 'Letter templates', path: '/admin/letter-templates', permission: 'settings.manage', group: 'admin', description: 'The wording of the letters to requesters: acknowledgement, clarification, extension, refusal and response.' },
    { key: 'partner-requests', name: 'Footage requests', path: '/partner/requests', permission: 'requests.submit', group: 'work', description: 'Ask the council for footage with your authority, and follow your organisation’s requests.' },
  ],
};
