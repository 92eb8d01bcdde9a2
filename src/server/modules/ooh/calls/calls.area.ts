import type { OohArea } from '../ooh.area';

export const callsArea: OohArea = {
  key: 'calls',
};
