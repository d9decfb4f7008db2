// Dose conventions of the clinical brief §5, so every built-in default follows the same rules.

/** Strength work: 3–4 days a week; the catalogue starts at the lower end. */
export const STRENGTH_DAYS = 3;
/** Mobility, stretches, motor control and nerve sliders: every day. */
export const DAILY = 7;
/** Balance work: on the same days as strength. */
export const BALANCE_DAYS = 3;
/** Rest between sets of strength exercises. */
export const STRENGTH_REST = 60;
/** Rest between repeated static holds (planks, wall sits). */
export const HOLD_REST = 30;
/** The light starting band every band exercise begins with. */
export const LIGHT_BAND = "light band";
