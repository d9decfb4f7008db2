// The advice that goes with "Too easy? / Too hard?" (lib/plans/progression.ts), in a module of its
// own so the handout renderer takes the words without the catalogue.

/** The note the patient page and handout put above the exercises when any line is shown. */
export const progressionAdvice =
  "“Too easy?” names the next step: move on only when an exercise has felt easy for a week with pain of 3 or less, and ask your physiotherapist to show you a new exercise first. “Too hard?” is the step back.";
