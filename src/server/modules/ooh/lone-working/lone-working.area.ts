import type { OohArea } from '../ooh.area';

export const loneWorkingArea: OohArea = {
  key: 'lone-working',
};
