import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { needsSetup } from "@/lib/setup/setup";

export default async function Home() {
  if (await needsSetup()) redirect("/setup");
  redirect((await getActor()) ? "/dashboard" : "/sign-in");
}
