// One error type for what a request can fail with, and the one place its codes become HTTP
// statuses and words. lib/ throws AppError (or UserError, its "invalid" case); the action wrapper
// (lib/auth/action.ts) and route handlers turn it into a form result or a response.

/** What went wrong, as a caller acts on it. */
export const errorCodes = ["invalid", "unauthenticated", "forbidden", "not-found", "conflict", "rate-limited", "unavailable"] as const;
export type ErrorCode = (typeof errorCodes)[number];

const statuses: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "rate-limited": 429,
  unavailable: 503,
};

/** The sentence a person reads when the code is all there is to say. */
const defaultMessages: Record<ErrorCode, string> = {
  invalid: "Please correct the highlighted fields.",
  unauthenticated: "Your session has ended. Sign in again to save.",
  forbidden: "You do not have access to this.",
  "not-found": "This no longer exists or is not in your clinic.",
  conflict: "Someone else changed this at the same time. Reload to see their change, then try again.",
  "rate-limited": "Too many attempts. Please wait a little and try again.",
  unavailable: "The server could not reach its database just now, so nothing was saved. Please try again in a moment.",
};

export function httpStatusOf(code: ErrorCode): number {
  return statuses[code];
}

export function defaultMessageOf(code: ErrorCode): string {
  return defaultMessages[code];
}

/** An expected failure: shown to the user as it is, with a code the caller can act on. */
export class AppError extends Error {
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessages[code],
    details: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.fieldErrors = details.fieldErrors;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  get status(): number {
    return statuses[this.code];
  }
}

/** "This input is wrong": an AppError with the code `invalid`, and optionally the fields at fault. */
export class UserError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super("invalid", message, { fieldErrors });
  }
}

/**
 * The AppError an error stands for: itself, or `unavailable` for a database that did not answer
 * (the statement did not commit, so trying again is safe). Null for a defect, which should fail loudly.
 */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError("unavailable", tryAgainMessage);
  return null;
}

/** A JSON error response for a route handler: the status from the code, Retry-After when known. */
export function errorResponse(error: AppError): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
  return Response.json({ error: error.code, message: error.message, fieldErrors: error.fieldErrors }, { status: error.status, headers });
}

/**
 * Connection-level failures: the database is restarting, unreachable or refusing connections. The
 * statement did not run (or its transaction was rolled back), so the user can simply try again.
 * postgres.js puts a code on the error itself; drizzle wraps it and keeps it as `cause`.
 */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown: the server is stopping or restarting
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300", // too_many_connections
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && unavailableCodes.has(code)) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** What a person reads when a save met a database that was not answering. */
export const tryAgainMessage = defaultMessages.unavailable;
