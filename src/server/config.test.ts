import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_BASE_MAP, configVariables, loadConfig } from './config';

describe('loadConfig', () => {
  it('has safe defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080, host: '0.0.0.0', publicUrl: 'http://localhost:8080', demo: true, databaseUrl: undefined,
      council: { name: 'Demo Borough Council', colour: '#0b3c5d' },
      map: { tiles: undefined, pmtiles: DEMO_BASE_MAP, attribution: '' },
      session: { idleMinutes: 30, absoluteHours: 13 },
      signIn: { maxFailures: 5, windowMinutes: 15, ratePerMinute: 30 },
      bodyLimitBytes: 1_048_576, trustProxy: 0, workerInProcess: true, logLevel: 'info', secureCookies: false,
    });
    expect(c.dataDir).toBe(path.resolve('./data'));
  });

  it('treats an empty variable that has a default as unset, so the default applies', () => {
    expect(loadConfig({ PORT: '', SESSION_IDLE_MINUTES: '' })).toMatchObject({ port: 8080, session: { idleMinutes: 30 } });
  });

  it('treats an empty optional variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', VIGIL_PUBLIC_URL: '' })).toMatchObject({ databaseUrl: undefined, publicUrl: 'http://localhost:8080' });
  });

  it('reads each variable', () => {
    const c = loadConfig({
      PORT: '3000', SESSION_IDLE_MINUTES: '10', SIGN_IN_MAX_FAILURES: '3', TRUST_PROXY: 'yes', VIGIL_DEMO: '0',
      DATABASE_URL: 'postgres://vigil:pw@db.internal:5432/vigil', VIGIL_COUNCIL_COLOUR: '#00703c',
    });
    expect(c).toMatchObject({ port: 3000, publicUrl: 'http://localhost:3000', session: { idleMinutes: 10 }, signIn: { maxFailures: 3 }, trustProxy: 1, demo: false, databaseUrl: 'postgres://vigil:pw@db.internal:5432/vigil', council: { colour: '#00703c' } });
  });

  it('reads TRUST_PROXY as a number of proxies, keeping true and false', () => {
    for (const [value, proxies] of [['true', 1], ['false', 0], ['1', 1], ['0', 0], ['2', 2], ['YES', 1], ['no', 0]] as const) {
      expect(loadConfig({ TRUST_PROXY: value }).trustProxy, value).toBe(proxies);
    }
  });

  it('reads a base map: a tile address and its credit', () => {
    const c = loadConfig({ VIGIL_MAP_TILES: 'https://tiles.example.gov.uk/os/{z}/{x}/{y}.png', VIGIL_MAP_ATTRIBUTION: '© Crown copyright' });
    expect(c.map).toEqual({ tiles: 'https://tiles.example.gov.uk/os/{z}/{x}/{y}.png', pmtiles: undefined, attribution: '© Crown copyright' });
  });

  it('reads a base map from a PMTiles file; the demo\'s own by default in demo mode, none otherwise', () => {
    const relative = path.relative(process.cwd(), DEMO_BASE_MAP);
    expect(loadConfig({ VIGIL_MAP_TILES: relative, VIGIL_DEMO: 'false' }).map).toEqual({ tiles: undefined, pmtiles: DEMO_BASE_MAP, attribution: '' });
    expect(loadConfig({ VIGIL_DEMO: 'true' }).map.pmtiles).toBe(DEMO_BASE_MAP);
    expect(loadConfig({ VIGIL_DEMO: 'false' }).map).toEqual({ tiles: undefined, pmtiles: undefined, attribution: '' });
    // A raster tile server chosen by the site replaces the demo's map.
    expect(loadConfig({ VIGIL_DEMO: 'true', VIGIL_MAP_TILES: 'https://tiles.example.gov.uk/{z}/{x}/{y}.png' }).map.pmtiles).toBeUndefined();
    expect(() => loadConfig({ VIGIL_MAP_TILES: '/srv/maps/nowhere.pmtiles' })).toThrow(/VIGIL_MAP_TILES="\/srv\/maps\/nowhere.pmtiles": there is no file at \/srv\/maps\/nowhere.pmtiles/);
  });

  it('makes cookies Secure when the public address is https, and drops a trailing slash', () => {
    const c = loadConfig({ VIGIL_PUBLIC_URL: 'https://vigil.example.gov.uk/' });
    expect(c.publicUrl).toBe('https://vigil.example.gov.uk');
    expect(c.secureCookies).toBe(true);
    expect(loadConfig({ VIGIL_PUBLIC_URL: 'http://vigil.internal:8080' }).secureCookies).toBe(false);
  });

  it.each([
    ['PORT', 'eighty'], ['PORT', '70000'], ['PORT', '-1'], ['TRUST_PROXY', 'maybe'], ['TRUST_PROXY', '-1'], ['TRUST_PROXY', '10'], ['VIGIL_PUBLIC_URL', 'not a url'],
    ['VIGIL_COUNCIL_COLOUR', 'green'], ['VIGIL_MAP_TILES', 'https://tiles.example.gov.uk/map.png'], ['VIGIL_MAP_TILES', 'tiles/{z}/{x}/{y}.png'],
    ['VIGIL_MAP_TILES', 'https://*/{z}/{x}/{y}.png'], ['VIGIL_MAP_TILES', 'https://a.example;sandbox/{z}/{x}/{y}.png'],
    ['VIGIL_MAP_TILES', 'javascript:{z}{x}{y}'], ['VIGIL_MAP_TILES', 'https://maps.example/county.pmtiles'], ['VIGIL_MAP_TILES', 'county.mbtiles'], ['VIGIL_MAP_TILES', 'https://{s}.tiles.example/{z}/{x}/{y}.png'], ['SESSION_ABSOLUTE_HOURS', '0'], ['BODY_LIMIT_BYTES', '10'], ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%j with a ConfigError naming the variable', (name, value) => {
    let error: unknown;
    try { loadConfig({ [name]: value }); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`${name}=${JSON.stringify(value)}`);
  });

  it('names every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', TRUST_PROXY: 'maybe' })).toThrow(/PORT="x"[\s\S]*TRUST_PROXY="maybe"/);
  });

  it('lets overrides win over the environment', () => {
    expect(loadConfig({ PORT: '3000' }, { port: 1, secureCookies: true })).toMatchObject({ port: 1, secureCookies: true });
  });

  it('documents every variable', () => {
    for (const [name, v] of Object.entries(configVariables)) expect(v.description.length, name).toBeGreaterThan(10);
  });
});
