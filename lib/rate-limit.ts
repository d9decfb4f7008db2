import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { db as defaultDb } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";

export type RateLimit = { bucket: string; limit: number; windowMs: number };

export const signInLimit: RateLimit = { bucket: "sign-in-failure", limit: 10, windowMs: 15 * 60 * 1000 };
export const sessionLogLimit: RateLimit = { bucket: "session-log", limit: 20, windowMs: 60 * 60 * 1000 };

/** True when the key has used up its allowance in the window. Kept in Postgres so every app instance agrees. */
export async function isLimited(rule: RateLimit, key: string, executor: Executor = defaultDb): Promise<boolean> {
  const since = new Date(Date.now() - rule.windowMs);
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, rule.bucket), eq(rateLimitEvents.key, key), gt(rateLimitEvents.createdAt, since)));
  return (row?.count ?? 0) >= rule.limit;
}

export async function recordEvent(rule: RateLimit, key: string, executor: Executor = defaultDb): Promise<void> {
  await executor.insert(rateLimitEvents).values({ bucket: rule.bucket, key });
  // Keep the table small: events older than a day are of no use to any rule.
  if (Math.random() < 0.01) {
    await executor.delete(rateLimitEvents).where(lt(rateLimitEvents.createdAt, new Date(Date.now() - 86_400_000)));
  }
}

export async function clearEvents(rule: RateLimit, key: string, executor: Executor = defaultDb): Promise<void> {
  await executor.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, rule.bucket), eq(rateLimitEvents.key, key)));
}
