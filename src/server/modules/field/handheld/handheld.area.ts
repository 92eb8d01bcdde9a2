import type { ModuleArea } from '../../../platform/modules';

/** The handheld's devices, their PCN number blocks and data keys, photos, and the sync that accepts each device-made record once. */
export const handheldArea: ModuleArea = {
  key: 'handheld',
};
