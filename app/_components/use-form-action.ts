"use client";

import { usePathname } from "next/navigation";
import { useActionState } from "react";

/**
 * `useActionState` for a form on the page it posts from. The page's own address is the form's
 * permalink: React writes it into the form's `action`, where it would otherwise write an empty
 * `action=""` (an HTML error), and a submission without JavaScript comes back to this page. A page
 * whose query says what it shows (the new-plan form's patient) passes its full address as `permalink`.
 */
export function useFormAction<State>(
  action: (state: Awaited<State>, formData: FormData) => State | Promise<State>,
  initialState: Awaited<State>,
  permalink?: string,
) {
  const pathname = usePathname();
  return useActionState(action, initialState, permalink ?? pathname);
}
