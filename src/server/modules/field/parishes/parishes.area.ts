import type { ModuleArea } from '../../../platform/modules';

/** Parish and town council contracts: hours and visits contracted, patrol time and notices per contract per month for billing. */
export const parishesArea: ModuleArea = {
  key: 'parishes',
};
