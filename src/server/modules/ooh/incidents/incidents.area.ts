import type { OohArea } from '../ooh.area';
import { EXERCISE_MARKING } from '../../../../domain/ooh/incidents';
import { registerIncidentRoutes } from './incidents.routes';
import { listSummaries } from './incidents.views';
import { seedIncidentsDemo } from './incidents.demo';

/** Major incidents: M/ETHANE messages, the timeline, the decision log, actions, handovers, the PDF. */
export const incidentsArea: OohArea = {
  key: 'incidents',
  routes: registerIncidentRoutes,
  seedDemo: seedIncidentsDemo,
  async shift(db) {
    const open = await listSummaries(db, { open: true });
    return [{
      key: 'ooh-incidents', heading: 'Open major incidents', href: '/ooh/incidents',
      items: open.map((i) => ({
        text: `${i.reference} ${i.title}${i.exercise ? ` (${EXERCISE_MARKING})` : ''}`,
        detail: i.summary, href: `/ooh/incidents/${i.id}`, urgent: !i.exercise,
      })),
    }];
  },
};
