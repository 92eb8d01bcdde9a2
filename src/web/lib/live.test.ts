import { describe, expect, it } from 'vitest';
import { queriesToRefresh } from './live';

// A live update refreshes what it touches and nothing else (an open search that does not show the
// occurrence is not fetched again for every entry anyone adds anywhere).

const A = '0b6f0d5e-1a1b-4c1d-8e1f-000000000001';
const B = '0b6f0d5e-1a1b-4c1d-8e1f-000000000002';
const list = (ids: string[]) => ({ items: ids.map((id) => ({ id, reference: `OCC-${id.slice(-1)}` })), total: ids.length, page: 1, pageSize: 25 });

const cached = [
  { queryKey: ['occurrence', A], data: { id: A } },
  { queryKey: ['occurrence', B], data: { id: B } },
  { queryKey: ['occurrences', { q: 'bicycle', page: 1 }], data: list([B]) },
  { queryKey: ['occurrences', { status: 'open', page: 1 }], data: list([A, B]) },
  { queryKey: ['occurrences', { status: 'open', page: 2 }], data: list([]) },
  { queryKey: ['handovers', 'draft'], data: { occurrences: [{ id: B }] } },
  { queryKey: ['handovers', 'list'], data: { items: [] } },
  { queryKey: ['supervisor-overview'], data: { alerts: [{ occurrenceId: A }] } },
  { queryKey: ['users', {}], data: { items: [] } },
  { queryKey: ['session'], data: { user: { id: A } } },
];

describe('queriesToRefresh', () => {
  it('for an entry: the occurrence, and the lists and summaries that show it; not other searches', () => {
    expect(queriesToRefresh({ occurrenceId: A, what: 'entry', entryId: B }, cached)).toEqual([
      ['occurrence', A],
      ['occurrences', { status: 'open', page: 1 }],
      ['supervisor-overview'],
    ]);
  });

  it('for a change to an occurrence: also the first page of each list and the handover draft, where it may newly appear', () => {
    const C = '0b6f0d5e-1a1b-4c1d-8e1f-000000000003';
    expect(queriesToRefresh({ occurrenceId: C, what: 'occurrence' }, cached)).toEqual([
      ['occurrences', { q: 'bicycle', page: 1 }],
      ['occurrences', { status: 'open', page: 1 }],
      ['handovers', 'draft'],
    ]);
  });

  it('a page further on is refreshed when it shows the occurrence', () => {
    const onPage2 = [{ queryKey: ['occurrences', { page: 2 }], data: list([A]) }, { queryKey: ['occurrences', { page: 3 }], data: list([B]) }];
    expect(queriesToRefresh({ occurrenceId: A, what: 'entry' }, onPage2)).toEqual([['occurrences', { page: 2 }]]);
    expect(queriesToRefresh({ occurrenceId: A, what: 'occurrence' }, onPage2)).toEqual([['occurrences', { page: 2 }]]);
  });

  it('a query not fetched yet shows nothing', () => {
    expect(queriesToRefresh({ occurrenceId: A, what: 'entry' }, [{ queryKey: ['occurrences', { page: 1 }], data: undefined }])).toEqual([]);
  });
});
