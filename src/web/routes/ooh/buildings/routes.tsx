import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { Gate } from '../../../components/Gate';
import { AbsencePage, type AbsenceSearch } from './AbsencePage';
import { AlarmsPage, type AlarmsSearch } from './AlarmsPage';
import { AlarmPage } from './AlarmPage';
import { BuildingsPage, type PatrolsSearch } from './BuildingsPage';
import { BuildingSettingsPage } from './BuildingSettingsPage';
import { PatrolPage } from './PatrolPage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pick = (search: Record<string, unknown>, keys: Record<string, RegExp>) =>
  Object.fromEntries(Object.entries(keys).flatMap(([k, re]) => (typeof search[k] === 'string' && re.test(search[k] as string) ? [[k, search[k]]] : [])));

/** The out-of-hours absence and buildings pages. */
export function buildingsRoutes<TParent extends AnyRoute>(parent: TParent): AnyRoute[] {
  const absence = createRoute({
    getParentRoute: () => parent, path: '/ooh/absence',
    validateSearch: (s: Record<string, unknown>): AbsenceSearch => pick(s, { cover: /^(covered|no_cover)$/, seen: /^(seen|unseen)$/, organisation: /^.{1,120}$/, sort: /^[a-z]+_(asc|desc)$/ }),
    component: function AbsenceRoute() {
      const search = absence.useSearch() as AbsenceSearch;
      return <Gate permission="ooh.use">{() => <AbsencePage search={search} />}</Gate>;
    },
  });
  const alarms = createRoute({
    getParentRoute: () => parent, path: '/ooh/alarms',
    validateSearch: (s: Record<string, unknown>): AlarmsSearch => pick(s, { open: /^(true|false)$/, buildingId: UUID, kind: /^[a-z]+$/, from: DAY, to: DAY, sort: /^[a-z]+_(asc|desc)$/ }),
    component: function AlarmsRoute() {
      const search = alarms.useSearch() as AlarmsSearch;
      return <Gate permission="ooh.use">{() => <AlarmsPage search={search} />}</Gate>;
    },
  });
  const alarm = createRoute({
    getParentRoute: () => parent, path: '/ooh/alarms/$id',
    component: function AlarmRoute() {
      const { id } = alarm.useParams() as { id: string };
      return <Gate permission="ooh.use">{() => <AlarmPage id={id} key={id} />}</Gate>;
    },
  });
  const buildings = createRoute({
    getParentRoute: () => parent, path: '/ooh/buildings',
    validateSearch: (s: Record<string, unknown>): PatrolsSearch => pick(s, { buildingId: UUID, from: DAY, to: DAY, problems: /^true$/ }),
    component: function BuildingsRoute() {
      const search = buildings.useSearch() as PatrolsSearch;
      return <Gate permission="ooh.use">{(session) => <BuildingsPage session={session} search={search} />}</Gate>;
    },
  });
  const settings = createRoute({
    getParentRoute: () => parent, path: '/ooh/buildings/settings',
    component: () => <Gate permission="ooh.manage">{() => <BuildingSettingsPage />}</Gate>,
  });
  const patrol = createRoute({
    getParentRoute: () => parent, path: '/ooh/patrols/$id',
    component: function PatrolRoute() {
      const { id } = patrol.useParams() as { id: string };
      return <Gate permission="ooh.use">{() => <PatrolPage id={id} key={id} />}</Gate>;
    },
  });
  return [absence, alarms, alarm, buildings, settings, patrol];
}
