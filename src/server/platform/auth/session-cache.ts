import type { SessionInfo } from '../http/route';
import type { Listener } from '../db/listener';

// Caches the session behind a cookie for a few seconds, so an authenticated read costs no query.
// Correct across processes: a database trigger notifies `vigil_auth` with the user's id whenever
// their sessions, roles or account change, and every process drops that user's entries at once.
// Without a working LISTEN connection the cache is bypassed entirely.

export interface CachedSession { info: SessionInfo; lastSeenAt: Date; cachedAt: number }

export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  /** Bumped by every eviction: a lookup that started before one must not fill the cache. */
  private gen = 0;

  constructor(private readonly listener: Listener | undefined, private readonly ttlMs = 10_000, private readonly maxEntries = 20_000) {
    listener?.subscribe('vigil_auth', (userId) => this.evictUser(userId));
    listener?.onReset(() => { this.gen++; this.entries.clear(); });
  }

  get enabled() {
    return !!this.listener?.isListening();
  }

  get(tokenHash: string, nowMs: number): CachedSession | undefined {
    if (!this.enabled) return undefined;
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (nowMs - e.cachedAt > this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e;
  }

  generation() {
    return this.gen;
  }

  set(tokenHash: string, entry: Omit<CachedSession, 'cachedAt'>, nowMs: number, generation: number) {
    if (!this.enabled || generation !== this.gen) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { ...entry, cachedAt: nowMs });
  }

  evictUser(userId: string) {
    this.gen++;
    for (const [k, e] of this.entries) if (e.info.userId === userId) this.entries.delete(k);
  }

  get size() {
    return this.entries.size;
  }
}
