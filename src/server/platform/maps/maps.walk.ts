import type { Walk, WalkCtx } from '../../../../test/support/walk';

// The base map: the route × role table's part for it (test/support/walk.ts). Any signed-in user may
// draw the map; the walk's server has a base map only where its configuration names one.

const served = ({ deps }: WalkCtx) => (deps.config.map.pmtiles ? [200] : [404]);

export const walk: Walk = {
  'GET /api/v1/map/style.json': { allowed: 'signed-in', allowedStatus: (_roles, ctx) => served(ctx) },
  // Horninglow Street, Burton upon Trent, at zoom 15: a tile the demo map has.
  'GET /api/v1/map/tiles/:z/:x/:y': { allowed: 'signed-in', path: () => '/api/v1/map/tiles/15/16235/10703', allowedStatus: (_roles, ctx) => served(ctx) },
  'GET /api/v1/map/glyphs/:fontstack/:range': { allowed: 'signed-in', path: () => '/api/v1/map/glyphs/Noto%20Sans%20Regular/0-255' },
};
