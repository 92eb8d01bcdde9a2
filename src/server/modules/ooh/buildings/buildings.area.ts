import type { OohArea } from '../ooh.area';
import { formatDateTime } from '../../../../domain/calendar/london';
import { ALARM_KINDS } from '../../../../domain/ooh/contract';
import { alarmUrgent } from '../../../../domain/ooh/buildings';
import { registerBuildingRoutes } from './buildings.routes';
import { registerAlarmRoutes } from './alarms.routes';
import { registerPatrolRoutes } from './patrols.routes';
import * as alarms from './alarms.repository';
import { seedBuildingsDemo } from './buildings.demo';

export const buildingsArea: OohArea = {
  key: 'buildings',
  routes(api) {
    registerBuildingRoutes(api);
    registerAlarmRoutes(api);
    registerPatrolRoutes(api);
  },

  /** Every alarm not yet reset; a fire alarm, or one open over an hour, needs attention now. */
  async shift(db, now) {
    const open = await alarms.openAlarms(db);
    return [{
      key: 'ooh-alarms', heading: 'Alarms not reset', href: '/ooh/alarms',
      items: open.map((a) => ({
        text: `${ALARM_KINDS[a.kind as keyof typeof ALARM_KINDS] ?? a.kind} at ${a.building_name}`,
        detail: `Since ${formatDateTime(a.raised_at)}${a.location ? `, ${a.location}` : ''}`,
        href: `/ooh/alarms/${a.id}`, urgent: alarmUrgent({ kind: a.kind, raisedAt: a.raised_at }, now),
      })),
    }];
  },

  seedDemo: seedBuildingsDemo,
};
