// The closed vocabularies of the catalogue, shared by the data, the database and the UI.
import { z } from "zod";

export const conditionSlugs = [
  "nslbp",
  "sciatica",
  "stenosis",
  "piriformis",
  "ddd",
  "desk",
  "knee-oa",
  "pfp",
  "knee-injury",
] as const;
export const conditionSlugSchema = z.enum(conditionSlugs);
export type ConditionSlug = z.infer<typeof conditionSlugSchema>;

export const regions = ["back", "hip", "knee", "general"] as const;
export const regionSchema = z.enum(regions);
export type Region = z.infer<typeof regionSchema>;
export const regionLabels: Record<Region, string> = {
  back: "Lower back",
  hip: "Hip and buttock",
  knee: "Knee",
  general: "Whole body",
};

export const categories = [
  "mobility",
  "stretch",
  "strength",
  "motor-control",
  "neural",
  "aerobic",
  "balance",
] as const;
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;
export const categoryLabels: Record<Category, string> = {
  mobility: "Mobility",
  stretch: "Stretch",
  strength: "Strength",
  "motor-control": "Motor control",
  neural: "Nerve mobility",
  aerobic: "Aerobic",
  balance: "Balance",
};

export const equipment = [
  "none",
  "mat",
  "chair",
  "towel",
  "band",
  "step",
  "wall",
  "roll",
  "dowel",
  "cushion",
  "roller",
  "ankle-weight",
  "counter",
  "board",
  "machine",
  "bike",
  "pool",
  "strap",
  "class",
] as const;
export const equipmentSchema = z.enum(equipment);
export type Equipment = z.infer<typeof equipmentSchema>;
export const equipmentLabels: Record<Equipment, string> = {
  none: "No equipment",
  mat: "Mat",
  chair: "Chair",
  towel: "Towel",
  band: "Resistance band",
  step: "Step",
  wall: "Wall",
  roll: "Rolled towel or foam roll",
  dowel: "Broom handle or dowel",
  cushion: "Cushion",
  roller: "Foam roller",
  "ankle-weight": "Ankle weight",
  counter: "Kitchen counter or rail",
  board: "Wobble board or cushion",
  machine: "Gym machine",
  bike: "Exercise bike",
  pool: "Swimming pool",
  strap: "Strap or belt",
  class: "Class or video",
};

export const levelSchema = z.number().int().min(1).max(3);
