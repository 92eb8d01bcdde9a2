import { layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';

// The base map's MapLibre style: Protomaps' light style for the Protomaps basemap schema (what
// `pmtiles extract` of an OpenStreetMap build gives, and what the demo map is written in), with
// English names, and nothing that needs a sprite: points of interest and town dots have icons,
// and Vigil serves no sprite sheet, so those icons are left out (their names stay).

export const BASE_SOURCE = 'base';
/** The fonts its labels use; Vigil serves their glyphs (src/server/platform/maps/assets/glyphs). */
export const FONTSTACKS = ['Noto Sans Regular', 'Noto Sans Medium', 'Noto Sans Italic'] as const;

function withoutIcons(layer: LayerSpecification): LayerSpecification {
  if (layer.type !== 'symbol' || !layer.layout || !('icon-image' in layer.layout)) return layer;
  const { 'icon-image': _image, 'icon-size': _size, 'icon-padding': _padding, ...layout } = layer.layout;
  return { ...layer, layout };
}

/** The demo map's own layer: street names at data.police.uk's map points, and kinds of place. */
function demoPointLayers(): LayerSpecification[] {
  const common = { source: BASE_SOURCE, 'source-layer': 'vigil_points' } as const;
  return [
    { id: 'vigil_points', type: 'circle', ...common, filter: ['!', ['has', 'on_line']], paint: { 'circle-radius': 3, 'circle-color': '#b1b4b6', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } },
    {
      id: 'vigil_points_labels', type: 'symbol', ...common, filter: ['!', ['has', 'on_line']],
      layout: {
        'text-field': ['get', 'name'], 'text-font': ['match', ['get', 'kind'], 'place', ['literal', [FONTSTACKS[2]]], ['literal', [FONTSTACKS[0]]]], 'text-size': 12,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'], 'text-radial-offset': 0.6, 'text-justify': 'auto', 'text-max-width': 9,
      },
      paint: { 'text-color': '#505a5f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

export function baseMapLayers(): LayerSpecification[] {
  const { pois: _pois, ...flavor } = namedFlavor('light');
  return [...layers(BASE_SOURCE, flavor, { lang: 'en' }).map(withoutIcons), ...demoPointLayers()];
}
