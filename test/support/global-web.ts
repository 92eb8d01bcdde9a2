// Browser tests need the web app built from the current sources.
// @ts-expect-error plain ESM script without types
import { buildWeb, isWebBuildStale } from '../../scripts/ensure-web-build.mjs';

export default function setup() {
  if (isWebBuildStale() && buildWeb() !== 0) throw new Error('vite build failed');
}
