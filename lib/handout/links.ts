// Link targets for the clinic's contact details in the handout: a tap on the email address writes
// to it, on the website opens it (a phone number dials it: lib/clinic/phone.ts). Anything that does
// not make a sound link of its kind is printed as plain text rather than linked.

export function mailtoHref(email: string): string | null {
  const trimmed = email.trim();
  return /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/.test(trimmed) ? `mailto:${trimmed}` : null;
}

/** The website as an http(s) address; a bare "clinic.example" is taken to be https. */
export function websiteHref(website: string): string | null {
  const trimmed = website.trim();
  if (/\s/.test(trimmed) || trimmed === "") return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes(".") || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
