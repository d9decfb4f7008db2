import { describe, expect, it } from "vitest";
import { AppError, asAppError, defaultMessageOf, errorCodes, errorResponse, httpStatusOf, isDatabaseUnavailable, tryAgainMessage, UserError } from "./errors";

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe("isDatabaseUnavailable", () => {
  it("knows a restarting or unreachable database, also under drizzle's wrapper", () => {
    expect(isDatabaseUnavailable(withCode("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("57P01"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("CONNECTION_CLOSED"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: withCode("57P03") }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED")]))).toBe(true);
  });

  it("does not take a wrong query or a constraint for an outage", () => {
    expect(isDatabaseUnavailable(withCode("23505"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("42P01"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("AppError", () => {
  it("maps each code to one HTTP status and a default message, in one place", () => {
    const statuses = Object.fromEntries(errorCodes.map((code) => [code, new AppError(code).status]));
    expect(statuses).toEqual({ invalid: 400, unauthenticated: 401, forbidden: 403, "not-found": 404, conflict: 409, "rate-limited": 429, unavailable: 503 });
    for (const code of errorCodes) {
      expect(httpStatusOf(code)).toBe(statuses[code]);
      expect(new AppError(code).message).toBe(defaultMessageOf(code));
      expect(defaultMessageOf(code).length).toBeGreaterThan(10);
    }
  });

  it("UserError is the invalid case, keeping the fields at fault", () => {
    const error = new UserError("Choose a date after today.", { expiresOn: ["Choose a date after today"] });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("invalid");
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ expiresOn: ["Choose a date after today"] });
  });

  it("asAppError keeps an AppError, turns an outage into 'unavailable', and leaves a defect alone", () => {
    const conflict = new AppError("conflict");
    expect(asAppError(conflict)).toBe(conflict);
    const outage = asAppError(new Error("Failed query", { cause: withCode("57P01") }));
    expect(outage?.code).toBe("unavailable");
    expect(outage?.message).toBe(tryAgainMessage);
    expect(asAppError(new Error("boom"))).toBeNull();
    expect(asAppError(withCode("23505"))).toBeNull();
  });

  it("errorResponse answers the code's status, the message, the fields and Retry-After", async () => {
    const response = errorResponse(new AppError("rate-limited", undefined, { retryAfterSeconds: 30 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.json()).toEqual({ error: "rate-limited", message: defaultMessageOf("rate-limited") });
    const invalid = errorResponse(new UserError("Check the pain score.", { pain: ["Choose 0 to 10"] }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: "invalid", message: "Check the pain score.", fieldErrors: { pain: ["Choose 0 to 10"] } });
  });
});
