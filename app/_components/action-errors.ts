// What a person reads when a call to a server action threw instead of answering (an answered
// failure carries its own code and message: lib/errors.ts). Client-safe: no server imports.

/** Offline, unreachable, or the server failed: says which, so the person knows what to do. */
export function unansweredMessage(error: unknown): string {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return "You are offline. Reconnect, then try again.";
  // fetch() rejects with a TypeError when no answer arrived at all.
  if (error instanceof TypeError) return "The server could not be reached. Check the connection, then try again in a moment.";
  return "The server ran into an error, so this was not done. Try again in a moment; if it happens again, tell your administrator.";
}
