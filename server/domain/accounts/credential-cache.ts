import type { Principal } from './principal.js';

/** Options of {@link CredentialCache}. */
export interface CredentialCacheOptions {
  /** How long a resolved key is trusted without asking the database, in milliseconds. 0 disables the cache. */
  ttlMs: number;
  /** Most keys remembered; the oldest is forgotten first. */
  entriesMax: number;
  /** Injectable clock, in milliseconds. @default Date.now */
  nowMs?: () => number;
}

/**
 * Remembers which principal a key hash resolved to, for a short time, so that a busy integrator's
 * every request does not pay a database round trip to authenticate. Revoking a key in this
 * process forgets it at once; another server process trusts it for at most `ttlMs` more.
 * Unknown keys are never cached (a flood of made-up keys cannot fill it).
 */
export class CredentialCache {
  private readonly entries = new Map<string, { principal: Principal; expiresAtMs: number }>();
  private readonly nowMs: () => number;

  constructor(private readonly options: CredentialCacheOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** The cached principal of a key hash, unless absent or expired. */
  get(keyHash: string): Principal | undefined {
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.nowMs()) {
      this.entries.delete(keyHash);
      return undefined;
    }
    return entry.principal;
  }

  /** Remembers a live key's principal for `ttlMs`. */
  set(keyHash: string, principal: Principal): void {
    if (this.options.ttlMs <= 0 || this.options.entriesMax <= 0) return;
    this.entries.delete(keyHash);
    while (this.entries.size >= this.options.entriesMax) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(keyHash, { principal, expiresAtMs: this.nowMs() + this.options.ttlMs });
  }

  /** Forgets a key at once (on revocation). */
  forget(keyHash: string): void {
    this.entries.delete(keyHash);
  }

  /** Keys remembered now, expired ones included until next looked up. */
  get size(): number {
    return this.entries.size;
  }
}
