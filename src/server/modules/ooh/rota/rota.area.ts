import type { OohArea } from '../ooh.area';

export const rotaArea: OohArea = {
  key: 'rota',
};
