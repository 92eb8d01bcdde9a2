import { moduleOfAreas, type VigilModule } from '../../platform/modules';
import { OOH_AREAS } from './ooh.areas';
import { registerShiftRoutes } from './ooh.routes';

/**
 * The out-of-hours service: the emergency line's calls, triaged and referred to whoever the rota
 * says is on call (calls/, rota/); lone workers watched over with timed check-ins and an
 * escalation ladder (lone-working/); staff absence reported overnight (absence/); alarms, night
 * patrols of the council's buildings and out-of-hours access (buildings/); major incidents with
 * their M/ETHANE messages, timeline and decision log (incidents/). Each sub-folder is an OohArea
 * (ooh.areas.ts lists them); what is open at the end of a shift goes into the handover (shift).
 */
export const oohModule: VigilModule = moduleOfAreas('ooh', OOH_AREAS, {
  routes: registerShiftRoutes,
  navigation: [
    { key: 'ooh', name: 'Out of hours', path: '/ooh', permission: 'ooh.use', group: 'work', description: 'The emergency line’s calls and referrals, lone workers on their check-ins, staff absence, alarms and building patrols, major incidents.' },
    { key: 'lone-working', name: 'Lone working', path: '/lone-working', permission: 'lone_working.self', group: 'work', description: 'Start a lone-working session, check in, and end it safely: the out-of-hours officer watches over you.' },
    { key: 'ooh-settings', name: 'Out-of-hours set-up', path: '/admin/ooh', permission: 'ooh.manage', group: 'admin', description: 'Call categories and their response times, the on-call rota, the lone-working escalation ladder, buildings and who may have access out of hours.' },
  ],
});

/** Lone working for other modules: a field patrol is a lone-working session of its officer's own. */
export { startOwnSession as startOwnLoneWorking, ownCheckIn as loneWorkingCheckIn, endOwnSession as endOwnLoneWorking } from './lone-working/lone-working.usecases';
