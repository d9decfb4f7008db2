// Display labels for the catalogue's vocabularies; unknown values (never expected) show as they are.
import { conditionName } from "@/lib/catalogue/conditions";
import { categoryLabels, equipmentLabels, regionLabels } from "@/lib/catalogue/types";

const lookup = <T extends string>(labels: Record<T, string>) => (value: string) => (Object.hasOwn(labels, value) ? labels[value as T] : value);

export const regionLabel = lookup(regionLabels);
export const categoryLabel = lookup(categoryLabels);
export const equipmentLabel = lookup(equipmentLabels);

export const conditionLabel = (slug: string) => conditionName(slug, "shortName");

export const levelLabels: Record<number, string> = { 1: "Level 1 (easiest)", 2: "Level 2", 3: "Level 3 (hardest)" };
