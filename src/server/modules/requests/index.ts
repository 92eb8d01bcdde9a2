import type { VigilModule } from '../../platform/modules';
import { registerRequestRoutes } from './register/register.routes';
import { registerCalendarRoutes } from './calendar/calendar.routes';
import { registerPolicyRoutes } from './policy/policy.routes';
import { seedDemoRequests } from './requests.demo';

/**
 * Information requests: one register of footage requests, subject access, FOI, complaints,
 * members' enquiries and viewings, each on its clock (register/), and the calendar the clocks count
 * on (calendar/: imported GOV.UK bank holidays, council closure days).
 */
export const requestsModule: VigilModule = {
  key: 'requests',
  routes(api) {
    registerPolicyRoutes(api); // before the register: /requests/clock-policy is not a request's id
    registerRequestRoutes(api);
    registerCalendarRoutes(api);
  },
  seedDemo: seedDemoRequests,
  navigation: [
    { key: 'requests', name: 'Requests', path: '/requests', permission: 'requests.read', group: 'work', description: 'Footage requests, subject access, FOI, complaints, members’ enquiries and viewings, each on its statutory clock.' },
    { key: 'partner-requests', name: 'Footage requests', path: '/partner/requests', permission: 'requests.submit', group: 'work', description: 'Ask the council for footage with your authority, and follow your organisation’s requests.' },
    { key: 'request-calendar-settings', name: 'Request calendar and clocks', path: '/admin/request-calendar', permission: 'settings.manage', group: 'admin', description: 'Council closure days, a newer GOV.UK bank-holidays file, and the working days each of the council’s own request clocks allows.' },
  ],
};
