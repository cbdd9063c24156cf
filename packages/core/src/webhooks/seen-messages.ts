/**
 * Webhook messages (`svix-id`) already applied, remembered past Svix's 5-minute timestamp window on
 * either side: a replay of a captured delivery within the window is acknowledged without being applied
 * again; outside it, verification refuses it. Per process and bounded (the oldest forgotten first): a
 * replay that slips past it is still harmless, as applying an event is idempotent and never revives an
 * ended session.
 */
export class SeenMessages {
  private readonly expiries = new Map<string, number>()

  constructor(
    private readonly ttlMs = 10 * 60 * 1000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  has(id: string): boolean {
    const expiry = this.expiries.get(id)
    if (expiry === undefined) return false
    if (expiry > this.now()) return true
    this.expiries.delete(id)
    return false
  }

  remember(id: string): void {
    const now = this.now()
    this.expiries.delete(id)
    for (const [key, expiry] of this.expiries) {
      if (expiry > now && this.expiries.size < this.maxEntries) break
      this.expiries.delete(key)
    }
    this.expiries.set(id, now + this.ttlMs)
  }
}
