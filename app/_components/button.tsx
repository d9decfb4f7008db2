// The one button of the clinic pages, and its look for links that act as buttons. Every variant
// has a 1 px border (the colour of its fill where it has no edge of its own), so buttons of one size
// line up side by side whatever their variant.
import Link from "next/link";

const variants = {
  primary: "border border-brand-700 bg-brand-700 text-white hover:border-brand-800 hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  /** a brand-coloured edge on white: the second choice beside a primary, and searches */
  outline: "border border-brand-700 bg-white text-brand-800 hover:bg-brand-50",
  /** undoes or ends something, and asks no more than this */
  danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  /** a step that cannot be undone */
  destructive: "border border-red-700 bg-red-700 text-white hover:border-red-800 hover:bg-red-800",
  /** a small remove beside other tools */
  "danger-quiet": "border border-red-200 bg-white text-red-800 hover:bg-red-50",
  warning: "border border-amber-700 bg-white text-amber-900 hover:bg-amber-50",
  /** no edge until hovered: Cancel beside a form's submit */
  quiet: "border border-transparent text-slate-700 hover:bg-slate-100",
  /** reads as a link */
  link: "text-brand-800 underline",
  "link-muted": "text-slate-700 underline",
} as const;

const sizes = {
  /** a page's main submit: 16 px by 10 px of padding inside the border */
  lg: "rounded-lg px-3.75 py-2.25 font-medium",
  md: "rounded-lg px-4 py-2 font-medium",
  sm: "rounded-lg px-3 py-2 text-sm font-medium",
  xs: "rounded-lg px-3 py-1.5 text-sm font-medium",
  tiny: "rounded-lg px-2.5 py-1 text-xs font-medium",
  /** the builder's small tools, in the text size around them */
  tool: "rounded-md px-2.5 py-1",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;
export type ButtonStyle = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

/** The classes of a button, for a `Link` or `<a>` that looks like one. */
export function buttonClass({ variant = "secondary", size = "md", className }: ButtonStyle = {}): string {
  const link = variant === "link" || variant === "link-muted";
  return [link ? null : sizes[size], variants[variant], link ? null : "disabled:opacity-60", className].filter(Boolean).join(" ");
}

export function Button({ variant, size, className, type = "button", ...props }: ButtonStyle & React.ComponentProps<"button">) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

/** A form's submit that says what it is doing while the form is sent. */
export function SubmitButton({ pending, pendingLabel, children, disabled, ...props }: ButtonStyle & React.ComponentProps<"button"> & { pending: boolean; pendingLabel?: string }) {
  return (
    <Button type="submit" variant="primary" disabled={pending || disabled} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}

/** A full page form's last row: its submit, and Cancel back to where it was opened from. */
export function SaveOrCancel({ pending, cancelHref, children }: { pending: boolean; cancelHref: string; children: React.ReactNode }) {
  return (
    <div className="flex items-center gap-3">
      <SubmitButton pending={pending} pendingLabel="Saving…" size="lg">
        {children}
      </SubmitButton>
      <Link href={cancelHref} className={buttonClass({ variant: "quiet", size: "lg" })}>
        Cancel
      </Link>
    </div>
  );
}
