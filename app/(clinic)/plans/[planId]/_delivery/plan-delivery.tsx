// Placeholder until patient delivery lands: the share link, handout downloads and adherence of one plan.
export async function PlanDelivery({ planId }: { planId: string }) {
  void planId;
  return null;
}
