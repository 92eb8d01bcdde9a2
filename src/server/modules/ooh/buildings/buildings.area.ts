import type { OohArea } from '../ooh.area';

export const buildingsArea: OohArea = {
  key: 'buildings',
};
