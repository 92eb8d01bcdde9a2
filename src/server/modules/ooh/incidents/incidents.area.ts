import type { OohArea } from '../ooh.area';

export const incidentsArea: OohArea = {
  key: 'incidents',
};
