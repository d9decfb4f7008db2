import { redirect } from "next/navigation";
import { connection } from "next/server";
import { needsSetup } from "@/lib/setup/setup";

/** Until the first clinic exists, every signed-out page leads to the one-time set-up. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection();
  if (await needsSetup()) redirect("/setup");
  return children;
}
