// Ids come from URLs and forms. Anything that is not a well-formed UUID is simply "not found":
// it never reaches Postgres, whose `uuid` type would answer a malformed one with an error (a 500).

import { z } from "zod";

/** 8-4-4-4-12 hexadecimal digits: every id the database hands out, and nothing it would refuse. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}

/** The id schema for forms and stored data: a well-formed UUID, or a field error with `message`. */
export function idSchema(message = "This is not a valid id.") {
  return z.string({ error: message }).regex(uuidPattern, message);
}
