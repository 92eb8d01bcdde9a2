import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the base map's own files are (assets/ beside this file in the repository), found from the
// package's root so that a compiled server finds them too.

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const MAP_ASSETS = path.join(packageRoot(path.dirname(fileURLToPath(import.meta.url))), 'src/server/platform/maps/assets');
/** The demo's own base map (scripts/build-demo-basemap.ts): Burton upon Trent town centre. */
export const DEMO_BASE_MAP = path.join(MAP_ASSETS, 'demo-basemap.pmtiles');
export const GLYPHS = path.join(MAP_ASSETS, 'glyphs');
