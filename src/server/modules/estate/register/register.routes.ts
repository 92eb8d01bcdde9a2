import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../../platform/http/route';
import { commonResponses, json } from '../../../platform/http/openapi';
import { actorFrom, recordAudit } from '../../../platform/audit/audit';
import { londonDay } from '../../../../domain/calendar/london';
import * as k from '../../../../domain/estate/contract';
import type { Camera } from '../../../../domain/estate/contract';
import { pickCameras } from '../estate.usecases';
import { allCameraRows } from '../estate.repository';
import { mapSource, mapStamp } from './register.map.repository';
import { toCameraDto } from '../estate.models';
import { registerCsv, registerGeoJson } from './register.exports';
import { MapDataCache, etagMatches, mapEtag } from './register.map';

const tags = ['Cameras'];

// The register's views beside the table: exports, the estate map's data and the occurrence log's picker.
export function registerRegisterViewRoutes(api: Api) {
  const cache = new MapDataCache();
  const exportAs = ({ format, operationId, summary, contentType, schema, description, write }: {
    format: 'csv' | 'geojson'; operationId: string; summary: string; contentType: string; schema: z.ZodTypeAny; description: string; write: (cameras: Camera[]) => string;
  }) => route(api, {
    operationId, method: 'get', path: `/api/v1/cameras.${format}`, access: 'estate.read', tags, summary,
    request: { query: k.CameraFilter }, responses: { 200: { content: { [contentType]: { schema } }, description }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const filter = c.req.valid('query');
    const rows = await allCameraRows(deps.db, filter);
    await recordAudit(deps.db, actorFrom(c.get('session')!, c.get('caller')), { action: 'cameras.exported', details: { format, count: rows.length, filter: JSON.parse(JSON.stringify(filter)) } });
    return c.body(write(rows.map(toCameraDto)), 200, {
      'content-type': `${contentType}; charset=utf-8`, 'content-disposition': `attachment; filename="camera-register-${londonDay()}.${format}"`, 'cache-control': 'no-store',
    }) as never;
  });
  exportAs({ format: 'csv', operationId: 'exportCamerasCsv', summary: 'The filtered register as CSV (UK dates; spreadsheet formulas neutralised)', contentType: 'text/csv', schema: z.string(), description: 'CSV, one camera a row', write: registerCsv });
  exportAs({
    format: 'geojson', operationId: 'exportCamerasGeoJson', summary: 'The filtered register as GeoJSON points (RFC 7946)', contentType: 'application/geo+json',
    schema: k.CameraFeatureCollection, description: 'A FeatureCollection, one Point a camera', write: (cameras) => JSON.stringify(registerGeoJson(cameras)),
  });

  route(api, {
    operationId: 'getCameraMap', method: 'get', path: '/api/v1/cameras/map', access: 'estate.read', tags,
    summary: 'The estate map\'s data: every camera in a few fields, in one reply; send its ETag back in If-None-Match for 304 while nothing changed',
    request: { query: k.CameraMapQuery, headers: z.object({ 'if-none-match': z.string().max(500).optional() }) },
    responses: { 200: json(k.CameraMap, 'Every camera (decommissioned ones only when asked for)'), 304: { description: 'Nothing has changed since the ETag given' }, ...commonResponses },
  }, async (c) => {
    const db = c.get('deps').db;
    const includeDecommissioned = c.req.valid('query').includeDecommissioned ?? false;
    const sent = c.req.valid('header')['if-none-match'];
    c.header('cache-control', 'private, no-cache');
    const stamp = await mapStamp(db);
    const etag = mapEtag({ stamp, includeDecommissioned });
    if (sent && etagMatches(sent, etag)) return c.body(null, 304, { etag }) as never;
    const data = await cache.read({ includeDecommissioned, stamp, source: mapSource(db) });
    return c.body(data.body, 200, { 'content-type': 'application/json', etag: mapEtag({ stamp: data.stamp, includeDecommissioned }) }) as never;
  });

  route(api, {
    operationId: 'pickCameras', method: 'get', path: '/api/v1/cameras/pick', access: 'estate.read', tags,
    summary: 'Find cameras by number, name or street, nearest to a point first (the occurrence log\'s camera picker)',
    request: { query: k.CameraPickQuery }, responses: { 200: json(k.CameraPick, 'Up to `limit` cameras in service'), ...commonResponses },
  }, async (c) => c.json(await pickCameras(c.get('deps'), c.req.valid('query')), 200));
}
