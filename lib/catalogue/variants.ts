// Each built-in exercise's easier and harder variants, by slug: the ladder a clinician steps a patient along
// (the builder's "Easier" and "Harder"). The first slug of a list is the usual next step.
// Kept beside the definitions rather than in them so clinic exercises, which have no ladder, need no field.

export type ExerciseVariants = { easier: string[]; harder: string[] };

const v = (easier: string[], harder: string[]): ExerciseVariants => ({ easier, harder });

export const builtInVariants: Record<string, ExerciseVariants> = {
  // back: extension in lying, then standing
  "prone-lying": v([], ["prone-on-elbows"]),
  "prone-on-elbows": v(["prone-lying"], ["prone-press-up"]),
  "prone-press-up": v(["prone-on-elbows"], []),
  "standing-back-extension": v([], ["prone-press-up"]),
  // back: flexion
  "single-knee-to-chest": v([], ["double-knee-to-chest"]),
  "double-knee-to-chest": v(["single-knee-to-chest"], []),
  "knee-rolls": v([], []),
  "posterior-pelvic-tilt": v([], ["dead-bug"]),
  "cat-camel": v([], []),
  "childs-pose": v(["double-knee-to-chest"], []),
  "seated-forward-flexion": v([], ["childs-pose"]),
  // trunk control and strength
  "abdominal-brace": v([], ["dead-bug", "bird-dog"]),
  "bird-dog": v(["abdominal-brace"], []),
  "dead-bug": v(["posterior-pelvic-tilt", "abdominal-brace"], []),
  "glute-bridge": v([], ["single-leg-bridge"]),
  "single-leg-bridge": v(["glute-bridge"], []),
  "side-plank": v([], []),
  "front-plank": v(["bird-dog"], []),
  "modified-curl-up": v(["abdominal-brace"], []),
  "prone-arm-leg-lift": v(["bird-dog"], []),
  "hip-hinge-dowel": v([], []),
  // nerve mobility: sliders before tensioners
  "sciatic-nerve-slider": v([], ["seated-slump-slider", "sciatic-nerve-tensioner"]),
  "seated-slump-slider": v(["sciatic-nerve-slider"], ["sciatic-nerve-tensioner"]),
  "sciatic-nerve-tensioner": v(["seated-slump-slider"], []),
  // hip stretches: alternatives rather than a ladder
  "piriformis-stretch": v([], []),
  "figure-four-stretch-lying": v([], []),
  "seated-figure-four-stretch": v([], []),
  "hamstring-stretch-towel": v([], []),
  "half-kneeling-hip-flexor-stretch": v([], []),
  "thoracic-extension-chair": v([], []),
  // hip strength: lying, standing, then stepping and single-leg
  clamshell: v([], ["side-lying-hip-abduction"]),
  "side-lying-hip-abduction": v(["clamshell", "standing-hip-abduction"], ["lateral-band-walk", "hip-hitch"]),
  "standing-hip-abduction": v([], ["side-lying-hip-abduction", "lateral-band-walk"]),
  "standing-hip-extension-band": v([], []),
  "lateral-band-walk": v(["standing-hip-abduction"], ["hip-hitch"]),
  "hip-hitch": v(["lateral-band-walk", "standing-hip-abduction"], []),
  // knee: activation, then open chain, then closed chain
  "quad-set": v([], ["straight-leg-raise", "inner-range-quads"]),
  "straight-leg-raise": v(["quad-set"], ["terminal-knee-extension-band"]),
  "inner-range-quads": v(["quad-set"], ["seated-knee-extension", "terminal-knee-extension-band"]),
  "terminal-knee-extension-band": v(["inner-range-quads"], ["mini-squat"]),
  "seated-knee-extension": v(["inner-range-quads"], ["sit-to-stand"]),
  "heel-slides": v([], ["stationary-cycling"]),
  "heel-prop-knee-extension": v([], []),
  "sit-to-stand": v([], ["mini-squat", "forward-step-up"]),
  "mini-squat": v(["sit-to-stand"], ["split-squat"]),
  "wall-sit": v(["mini-squat"], ["split-squat"]),
  "forward-step-up": v(["sit-to-stand"], ["lateral-step-up", "eccentric-step-down"]),
  "lateral-step-up": v(["forward-step-up"], ["eccentric-step-down"]),
  "eccentric-step-down": v(["lateral-step-up", "forward-step-up"], []),
  "split-squat": v(["mini-squat"], []),
  "leg-press": v(["sit-to-stand"], ["split-squat"]),
  "standing-hamstring-curl": v([], []),
  "calf-raise": v([], []),
  "calf-stretch-wall": v([], []),
  "quadriceps-stretch": v([], []),
  // balance: steady floor, then an unsteady surface
  "single-leg-stance": v([], ["wobble-board"]),
  "tandem-stance": v([], ["wobble-board"]),
  "wobble-board": v(["single-leg-stance", "tandem-stance"], []),
  // whole-body activity
  "walking-programme": v([], []),
  "stationary-cycling": v([], []),
  swimming: v([], []),
  "tai-chi": v([], []),
  "gentle-yoga": v([], []),
};

const none: ExerciseVariants = { easier: [], harder: [] };

/** The variants of a built-in exercise; none for a clinic's own exercise or an unknown slug. */
export function variantsOf(slug: string): ExerciseVariants {
  return Object.hasOwn(builtInVariants, slug) ? builtInVariants[slug] : none;
}
