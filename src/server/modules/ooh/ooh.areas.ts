import { shiftOfAreas } from '../../platform/modules';
import type { OohArea } from './ooh.area';
import { callsArea } from './calls/calls.area';
import { rotaArea } from './rota/rota.area';
import { loneWorkingArea } from './lone-working/lone-working.area';
import { absenceArea } from './absence/absence.area';
import { buildingsArea } from './buildings/buildings.area';
import { incidentsArea } from './incidents/incidents.area';

/**
 * The out-of-hours service: the emergency line's calls, triaged and referred to whoever the rota
 * says is on call (calls/, rota/); lone workers watched over with timed check-ins and an
 * escalation ladder (lone-working/); staff absence reported overnight (absence/); alarms, night
 * patrols of the council's buildings and out-of-hours access (buildings/); major incidents with
 * their M/ETHANE messages, timeline and decision log (incidents/). Each sub-folder is an OohArea;
 * the module (index.ts) puts them together.
 */
export const OOH_AREAS: readonly OohArea[] = [rotaArea, callsArea, loneWorkingArea, absenceArea, buildingsArea, incidentsArea];

/** What the next shift must know about, area by area. */
export const oohShift = shiftOfAreas(OOH_AREAS);
