import type { VigilModule } from '../../platform/modules';
import { registerRequestRoutes } from './register/register.routes';
import { registerCalendarRoutes } from './calendar/calendar.routes';
import { registerDisclosureRoutes } from './disclosure/disclosure.routes';
import { registerViewingRoutes } from './viewings/viewings.routes';

/**
 * Information requests: one register of footage requests, subject access, FOI, complaints,
 * members' enquiries and viewings, each on its clock (register/), and the calendar the clocks count
 * on (calendar/: imported GOV.UK bank holidays, council closure days).
 */
export const requestsModule: VigilModule = {
  key: 'requests',
  routes(api) {
    registerRequestRoutes(api);
    registerCalendarRoutes(api);
    registerDisclosureRoutes(api);
    registerViewingRoutes(api);
  },
  navigation: [
    { key: 'requests', name: 'Requests', path: '/requests', permission: 'requests.read', group: 'work', description: 'Footage requests, subject access, FOI, complaints, members’ enquiries and viewings, each on its statutory clock.' },
    { key: 'partner-requests', name: 'Footage requests', path: '/partner/requests', permission: 'requests.submit', group: 'work', description: 'Ask the council for footage with your authority, and follow your organisation’s requests.' },
  ],
};
