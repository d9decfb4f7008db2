import "server-only";
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { db as defaultDb } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";

/**
 * A rule over the events of one bucket and key in a sliding window. `limit`: at most that many
 * events in the window. `delayMs`: after `n` events in the window, the next one must wait that long
 * after the latest. Kept in Postgres so every app instance agrees.
 */
export type RateLimit = { bucket: string; windowMs: number; limit?: number; delayMs?: (events: number) => number };
export type LimitCheck = { rule: RateLimit; key: string };

export const signInLimit: RateLimit = { bucket: "sign-in-failure", limit: 10, windowMs: 15 * 60 * 1000 };
export const sessionLogLimit: RateLimit = { bucket: "session-log", limit: 20, windowMs: 60 * 60 * 1000 };

export type Acquired = { ok: true; eventIds: number[] } | { ok: false; retryAfterMs: number };

/** How long until the rule allows another event, given the window's count, oldest and latest event. */
function waitMs(rule: RateLimit, count: number, oldest: Date | null, latest: Date | null, now: number): number {
  let wait = 0;
  if (rule.limit !== undefined && count >= rule.limit && oldest) wait = Math.max(wait, oldest.getTime() + rule.windowMs - now);
  if (rule.delayMs && latest) wait = Math.max(wait, latest.getTime() + rule.delayMs(count) - now);
  return Math.max(0, wait);
}

async function windowOf(executor: Executor, { rule, key }: LimitCheck, now: number) {
  const since = new Date(now - rule.windowMs);
  const [row] = await executor
    .select({
      count: sql<number>`count(*)::int`,
      oldest: sql<string | null>`min(${rateLimitEvents.createdAt})`,
      latest: sql<string | null>`max(${rateLimitEvents.createdAt})`,
    })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, rule.bucket), eq(rateLimitEvents.key, key), gt(rateLimitEvents.createdAt, since)));
  const date = (value: string | null | undefined) => (value ? new Date(value) : null);
  return waitMs(rule, row?.count ?? 0, date(row?.oldest), date(row?.latest), now);
}

/**
 * Checks every rule and, when all allow it, records one event for each, in one transaction that
 * holds an advisory lock per bucket and key: concurrent callers on the same key queue, so none
 * sees a count that another is about to raise. Called inside a transaction, the locks (and the
 * events) last until that transaction ends, so its other writes are covered too. A caller whose
 * attempt turns out not to count gives the events back with `release`.
 */
export async function acquire(checks: LimitCheck[], executor: Executor = defaultDb, now: number = Date.now()): Promise<Acquired> {
  // Locks are taken in one order everywhere, so two callers with overlapping keys cannot deadlock.
  const ordered = [...checks].sort((a, b) => lockName(a).localeCompare(lockName(b)));
  return executor.transaction(async (tx) => {
    for (const check of ordered) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockName(check)}, 0))`);
    let wait = 0;
    for (const check of ordered) wait = Math.max(wait, await windowOf(tx, check, now));
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    const rows = await tx
      .insert(rateLimitEvents)
      .values(ordered.map(({ rule, key }) => ({ bucket: rule.bucket, key, createdAt: new Date(now) })))
      .returning({ id: rateLimitEvents.id });
    // Keep the table small: events older than a day are of no use to any rule.
    if (Math.random() < 0.01) await tx.delete(rateLimitEvents).where(lt(rateLimitEvents.createdAt, new Date(now - 86_400_000)));
    return { ok: true, eventIds: rows.map((r) => r.id) };
  });
}

/** Gives back events recorded by `acquire` for an attempt that does not count (a right password, a duplicate). */
export async function release(eventIds: number[], executor: Executor = defaultDb): Promise<void> {
  if (eventIds.length) await executor.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, eventIds));
}

/** How long until every rule allows another event (0: now). A read for a fast refusal; `acquire` decides. */
export async function retryAfterMs(checks: LimitCheck[], executor: Executor = defaultDb, now: number = Date.now()): Promise<number> {
  let wait = 0;
  for (const check of checks) wait = Math.max(wait, await windowOf(executor, check, now));
  return wait;
}

/** True when the key has used up its allowance in the window. */
export async function isLimited(rule: RateLimit, key: string, executor: Executor = defaultDb): Promise<boolean> {
  return (await retryAfterMs([{ rule, key }], executor)) > 0;
}

export async function clearEvents(rule: RateLimit, key: string, executor: Executor = defaultDb): Promise<void> {
  await executor.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, rule.bucket), eq(rateLimitEvents.key, key)));
}

function lockName({ rule, key }: LimitCheck): string {
  return `rate-limit|${rule.bucket}|${key}`;
}
