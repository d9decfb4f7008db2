// Whether a plan is a knee plan, for the questions only knees get (swelling the next day: the
// clinical brief's pain-monitoring model, "if the knee is more swollen the next day, make the next
// session easier"). A plan for a knee condition is; a plan with no condition is when one of its
// exercises is a knee exercise first of all (a hamstring stretch for a back is not).
import { getBuiltInExercise } from "@/lib/catalogue/exercises";
import type { PlanSnapshot } from "@/lib/plans/snapshot";

export function isKneePlan(snapshot: Pick<PlanSnapshot, "conditions" | "items">): boolean {
  if (snapshot.conditions.length > 0) return snapshot.conditions.some((condition) => condition.region === "knee");
  return snapshot.items.some((item) => item.slug !== null && getBuiltInExercise(item.slug)?.regions[0] === "knee");
}
