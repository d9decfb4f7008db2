import { requireAdmin } from "@/lib/auth/admin";
import { SettingsNav } from "./settings-nav";

// Settings belong to the clinic's admins: a clinician gets the 404 page, here and in every page below.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <div className="grid gap-8 md:grid-cols-[12rem_1fr]">
      <SettingsNav />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
