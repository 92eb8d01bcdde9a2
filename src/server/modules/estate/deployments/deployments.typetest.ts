import type { DB } from '../../../platform/db/db.types';
import type { DEPLOYMENT_EVENT_KINDS, SIGNAGE_PHOTO_TYPES } from '../../../../domain/estate/deployments';

// Type tests, checked by `npm run typecheck`: the deployments' vocabularies are the lists their
// columns' CHECK constraints allow.

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const same = <T extends true>(): T => true as T;

export const vocabularies = [
  same<Equal<keyof typeof DEPLOYMENT_EVENT_KINDS, DB['mobile_deployment_events']['kind']>>(),
  same<Equal<(typeof SIGNAGE_PHOTO_TYPES)[number], NonNullable<DB['mobile_deployment_events']['signage_photo_type']>>>(),
];
