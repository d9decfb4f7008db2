// First run: on a database with no clinic, the server prints a set-up code at start (like Jupyter's
// token) and every page leads to /setup, where that code creates the clinic and its first admin.
// Only the code's SHA-256 is kept, in `setup_codes`, so every instance of the app accepts the code
// any of them printed. Once a clinic exists (made here, by `npm run user:create` or by the demo
// seed) the codes are deleted and /setup is gone (404).
import "server-only";
import crypto from "node:crypto";
import { count, sql } from "drizzle-orm";
import { hashSetupCode, newSetupCode } from "./code";
import { db as defaultDb, type Executor } from "@/db/client";
import { clinics, setupCodes, users } from "@/db/schema";
import { normaliseEmail } from "@/lib/auth/email";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordProblem } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/audit/record";
import { AppError, UserError } from "@/lib/errors";
import { acquire, release, type LimitCheck, type RateLimit } from "@/lib/rate-limit";

// Once a clinic exists it always will: after the first "yes" no page asks the database again.
let knownSetUp = false;

/** True while the database has no clinic at all. */
export async function needsSetup(executor: Executor = defaultDb): Promise<boolean> {
  if (knownSetUp) return false;
  const [row] = await executor.select({ n: count() }).from(clinics);
  if ((row?.n ?? 0) > 0) knownSetUp = true;
  return !knownSetUp;
}

/**
 * At server start: when there is no clinic yet, a new set-up code (its hash stored) for the console.
 * Null when the database already has a clinic.
 */
export async function issueSetupCode(executor: Executor = defaultDb): Promise<string | null> {
  if (!(await needsSetup(executor))) return null;
  return insertSetupCode(executor);
}

export async function insertSetupCode(executor: Executor): Promise<string> {
  const code = newSetupCode();
  await executor.insert(setupCodes).values({ codeHash: hashSetupCode(code) });
  return code;
}

export type SetupInput = {
  code: string;
  clinicName: string;
  name: string;
  email: string;
  password: string;
  /** The client's address (lib/auth/sign-in.ts `clientIp`), for the limit on guesses. */
  ip: string;
  /** For tests: the moment of the attempt. */
  now?: number;
};

const wrongCode = "This set-up code is not right. Use the code the server printed in its console when it started (restarting it prints a new one).";

const guessWindow = 15 * 60 * 1000;
/** Wrong set-up codes from one client address in 15 minutes. */
export const setupAddressLimit: RateLimit = { bucket: "setup-code-ip", windowMs: guessWindow, limit: 10 };
/** Wrong set-up codes from every address together in 15 minutes: a ceiling for guessing from many. */
export const setupCeiling: RateLimit = { bucket: "setup-code", windowMs: guessWindow, limit: 100 };

function setupChecks(ip: string): LimitCheck[] {
  return [
    { rule: setupAddressLimit, key: ip },
    { rule: setupCeiling, key: "all" },
  ];
}

function tooManyGuesses(retryAfterMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const message = `Too many wrong set-up codes were tried. Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then enter the code the server printed.`;
  return new AppError("rate-limited", undefined, { fieldErrors: { code: [message] }, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
}

/** Whether the code is one a server printed (and set-up has not used). */
async function codeMatches(executor: Executor, code: string): Promise<boolean> {
  const codes = await executor.select({ hash: setupCodes.codeHash }).from(setupCodes);
  const typed = Buffer.from(hashSetupCode(code));
  return codes.some((c) => c.hash.length === typed.length && crypto.timingSafeEqual(Buffer.from(c.hash), typed));
}

/**
 * Creates the clinic and its first admin, once. The set-up code must match one printed by a running
 * server. Each try of a code is first counted against the guess limits (check and count are one
 * step, so concurrent guesses cannot overshoot) and given back when the code is right; a refused
 * try compares no code, so past the limit even the right code waits for the window (otherwise the
 * refusals would tell a guesser which guess was right). The password is hashed only after the code
 * matched. The clinic is made in one transaction that first takes a lock, so two people racing make
 * one clinic; the codes are deleted with it.
 */
export async function completeSetup(input: SetupInput, executor: Executor = defaultDb): Promise<{ email: string }> {
  if (!(await needsSetup(executor))) throw new SetupDoneError();
  const email = normaliseEmail(input.email);
  const problem = newPasswordProblem(input.password, { email, name: input.name });
  if (problem) throw new UserError("Please correct the highlighted fields.", { password: [problem] });
  const slot = await acquire(setupChecks(input.ip), executor, input.now);
  if (!slot.ok) throw tooManyGuesses(slot.retryAfterMs);
  const refused = () => new AppError("forbidden", "Please correct the highlighted fields.", { fieldErrors: { code: [wrongCode] } });
  if (!(await codeMatches(executor, input.code))) throw refused();
  const passwordHash = await hashPassword(input.password);
  const done = await executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('physioplan first-run set-up', 0))`);
    const [existing] = await tx.select({ n: count() }).from(clinics);
    if ((existing?.n ?? 0) > 0) return null;
    if (!(await codeMatches(tx, input.code))) throw refused();
    const [clinic] = await tx.insert(clinics).values({ name: input.clinicName }).returning();
    const [user] = await tx.insert(users).values({ clinicId: clinic.id, email, name: input.name, role: "admin", passwordHash }).returning();
    await tx.delete(setupCodes);
    await recordAudit(tx, { clinicId: clinic.id, actorId: user.id, action: "clinic.set-up", entityType: "clinic", entityId: clinic.id, detail: { email } });
    return { email };
  });
  await release(slot.eventIds, executor);
  if (!done) throw new SetupDoneError();
  knownSetUp = true;
  return done;
}

/** Set-up was already done (by someone else, a script or the seed): the page is gone. */
export class SetupDoneError extends Error {
  constructor() {
    super("This Physioplan is already set up.");
  }
}

/** For tests: forget that a clinic was seen. */
export function forgetSetUpForTests() {
  knownSetUp = false;
}
