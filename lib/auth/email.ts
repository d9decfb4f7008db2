export function normaliseEmail(email: string): string {
  // NUL cannot be in a stored email, and PostgreSQL refuses it in a query (a 500).
  return email.replaceAll("\u0000", "").trim().toLowerCase();
}
