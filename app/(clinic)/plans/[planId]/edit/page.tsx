import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { conditions } from "@/lib/catalogue/conditions";
import { categories, categoryLabels, equipment, equipmentLabels, regionLabels, regions } from "@/lib/catalogue/types";
import { doseFieldsOf } from "@/lib/plans/draft";
import { getPlan } from "@/lib/plans/plans";
import { SkipLink } from "@/app/_components/skip-link";
import { PlanBuilder } from "./plan-builder";

export const metadata: Metadata = { title: "Edit plan" };

export default async function EditPlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const actor = await requireActor();
  const { planId } = await params;
  const detail = await getPlan(actor, { planId });
  if (!detail) notFound();
  const { plan, patient, items } = detail;

  // The search sits after every exercise's controls (about a hundred Tab presses in a long plan): the
  // skip link, first in the page's content, reaches it in a few.
  return (
    <>
      <SkipLink target="exercise-q">Skip to Add exercises</SkipLink>
      <PlanBuilder
        planId={plan.id}
        revision={plan.revision}
        latestVersion={plan.latestVersion}
        patient={{ id: patient.id, name: patient.fullName, conditions: patient.conditions }}
        initial={{
          title: plan.title,
          conditions: plan.conditions,
          notes: plan.notes ?? "",
          startDate: plan.startDate ?? "",
          reviewDate: plan.reviewDate ?? "",
          items: items.map((item) => ({ key: item.id, exercise: item.exercise, dose: doseFieldsOf(item.dose), note: item.note ?? "", showVariants: item.showVariants })),
        }}
        conditionOptions={conditions.map((c) => ({ value: c.slug, label: c.shortName, name: c.name }))}
        filterOptions={{
          region: regions.map((r) => ({ value: r, label: regionLabels[r] })),
          category: categories.map((c) => ({ value: c, label: categoryLabels[c] })),
          condition: conditions.map((c) => ({ value: c.slug, label: c.name })),
          equipment: equipment.map((e) => ({ value: e, label: equipmentLabels[e] })),
          level: [1, 2, 3].map((l) => ({ value: String(l), label: `Level ${l}` })),
        }}
      />
    </>
  );
}
