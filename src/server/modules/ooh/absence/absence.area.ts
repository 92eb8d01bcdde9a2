import type { OohArea } from '../ooh.area';

export const absenceArea: OohArea = {
  key: 'absence',
};
