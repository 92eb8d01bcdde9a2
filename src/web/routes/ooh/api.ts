import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { OohShift } from '../../../domain/ooh/contract';

// The out-of-hours overview as the pages call it. Each area keeps its own calls in its folder's api.ts.

/** What is open now, area by area; refreshed every 15 seconds (countdowns run in the page between). */
export const oohShiftQuery = queryOptions({
  queryKey: ['ooh', 'shift'],
  queryFn: () => api<OohShift>('/ooh/shift'),
  refetchInterval: 15_000,
});
