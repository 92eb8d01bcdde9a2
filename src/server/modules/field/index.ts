import { moduleOfAreas } from '../../platform/modules';
import { handheldArea } from './handheld/handheld.area';
import { patrolsArea } from './patrols/patrols.area';
import { reportsArea } from './reports/reports.area';
import { parishesArea } from './parishes/parishes.area';
import { teamArea } from './team/team.area';

/**
 * Community protection officers in the field, on a handheld that works without signal: the
 * devices and their sync (handheld/: each record made on the device accepted once), patrols as
 * lone-working sessions with their GPS trail (patrols/), car-park machines, defects and ASB
 * (reports/), parish and town council contracts (parishes/) and the team leader's view (team/).
 * PCNs and FPNs synced from a device are issued through the enforcement module's use cases.
 */
export const fieldModule = moduleOfAreas('field', [parishesArea, handheldArea, patrolsArea, reportsArea, teamArea], {
  navigation: [
    { key: 'field', name: 'Patrols', path: '/field', permission: 'field.use', group: 'work', description: 'Your patrols, notices and what your handheld still has to sync; the handheld app itself, which works without signal.' },
    { key: 'field-team', name: 'Patrol team', path: '/field/team', permission: 'field.lead', group: 'work', description: 'Officers on patrol on the map, notices issued today, each device’s sync backlog, and parish and town council contracts.' },
  ],
});
