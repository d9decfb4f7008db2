"use client";

// The builder's Save: refuses to send a draft with field errors (and focuses the first), sends one
// save at a time, and reports what the server said or why it did not answer.
import { useRef, useTransition, type Dispatch } from "react";
import { unansweredMessage } from "@/app/_components/action-errors";
import type { PlanDraftInput } from "@/lib/plans/draft";
import { savePlanAction } from "../../actions";
import type { BuilderAction, BuilderState } from "./builder-reducer";
import type { FieldErrors } from "./builder-types";

export function useSavePlan({
  planId,
  state,
  dispatch,
  input,
  currentText,
  clientErrors,
}: {
  planId: string;
  state: BuilderState;
  dispatch: Dispatch<BuilderAction>;
  input: PlanDraftInput;
  currentText: string;
  clientErrors: FieldErrors;
}): () => void {
  const saving = useRef(false);
  const [, startTransition] = useTransition();

  return function save() {
    if (saving.current) return;
    if (Object.keys(clientErrors).length) {
      dispatch({ type: "save-blocked" });
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    saving.current = true;
    const sent = currentText;
    dispatch({ type: "save-started" });
    startTransition(async () => {
      try {
        const result = await savePlanAction({ planId, revision: state.revision, draft: input });
        if (result.ok) dispatch({ type: "saved", revision: result.revision, savedText: sent });
        else dispatch({ type: "save-refused", code: result.code, message: result.message, fieldErrors: result.fieldErrors });
      } catch (error) {
        dispatch({ type: "save-unanswered", reason: unansweredMessage(error) });
      } finally {
        saving.current = false;
      }
    });
  };
}
