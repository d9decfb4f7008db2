"use client";

/**
 * A link that is seen only when focused and moves the keyboard's focus to a control further down the
 * page (a fragment link alone scrolls there but leaves focus behind in some browsers).
 */
export function SkipLink({ target, children }: { target: string; children: React.ReactNode }) {
  return (
    <a
      href={`#${target}`}
      onClick={(event) => {
        const element = document.getElementById(target);
        if (!element) return;
        event.preventDefault();
        element.focus();
      }}
      className="sr-only focus:not-sr-only focus:inline-block focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:font-medium focus:text-brand-800 focus:ring-2 focus:ring-brand-600"
    >
      {children}
    </a>
  );
}
