// The handheld's service worker (scope /handheld/). It keeps the app shell so /handheld/ opens with no
// signal after one visit online: navigation network-first with the cached page as fallback; hashed
// /assets/* cache-first; /api/ never cached (the device's data is in IndexedDB, encrypted).
const SHELL = 'handheld-shell-v1';
const PAGE = '/handheld/';
const STATIC = ['/handheld/manifest.webmanifest', '/handheld/icon.svg', '/handheld/icon-192.png', '/handheld/icon-512.png'];

async function precache() {
  const cache = await caches.open(SHELL);
  const res = await fetch(PAGE, { cache: 'no-store' });
  if (!res.ok) throw new Error(`The app page answered ${res.status}`);
  const html = await res.clone().text();
  await cache.put(PAGE, res);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll([...new Set([...assets, ...STATIC])]);
  // The page's stylesheet may name fonts and images: cache those too.
  for (const css of assets.filter((a) => a.endsWith('.css'))) {
    const text = await (await cache.match(css))?.text();
    const more = [...(text ?? '').matchAll(/url\((\/assets\/[^)]+)\)/g)].map((m) => m[1]);
    if (more.length) await cache.addAll([...new Set(more)]);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('handheld-shell-') && name !== SHELL) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'wipe') {
    event.waitUntil?.((async () => { for (const name of await caches.keys()) if (name.startsWith('handheld-data')) await caches.delete(name); })());
  }
});

async function networkFirstPage(request) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(request);
    if (res.ok && (res.headers.get('content-type') ?? '').includes('text/html')) await cache.put(PAGE, res.clone());
    return res;
  } catch {
    const cached = await cache.match(PAGE);
    if (cached) return cached;
    return new Response('<!doctype html><html lang="en-GB"><title>No signal</title><h1>No signal</h1><p>Open the handheld app once with signal first.</p></html>', { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

async function networkFirst(request) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(request, res.clone());
    return res;
  } catch {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw new Error('offline');
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    if (url.pathname === '/handheld' || url.pathname.startsWith('/handheld/')) event.respondWith(networkFirstPage(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (url.pathname.startsWith('/handheld/') || url.pathname === '/branding.css') event.respondWith(networkFirst(request));
});
