// What the patient is told after logging a session, on the page: after a save the route redirects to
// `?log=<outcome>`; a refused submit gets the page back with the message.
export const logOutcomes = {
  saved: { ok: true, message: "Thank you — today's session is saved." },
  duplicate: { ok: true, message: "This session was already saved — thank you." },
  limited: { ok: false, message: "You have logged a lot of sessions in the last hour. Please try again later." },
  invalid: { ok: false, message: "Your session was not saved. Please check your answers: pain is a number from 0 to 10, and a comment is up to 500 characters." },
  stale: { ok: false, message: "That exercise is not in your plan any more. Please try again." },
} as const;
export type LogOutcome = keyof typeof logOutcomes;

export function isLogOutcome(value: unknown): value is LogOutcome {
  return typeof value === "string" && Object.hasOwn(logOutcomes, value);
}
