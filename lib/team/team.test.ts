import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, invitations, outboundEmails, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { listOutbox } from "@/lib/email/outbox";
import { createTestClinic } from "@/lib/testing/fixtures";
import { findInDatabase } from "@/lib/testing/secrets";
import { acceptInvitation, findInvitation } from "./accept-invitation";
import { inviteUser, listTeam, setUserActive, setUserRole } from "./team";

async function addMember(actor: Actor, role: "admin" | "clinician", suffix: string) {
  const [user] = await db
    .insert(users)
    .values({ clinicId: actor.clinicId, email: `${role}-${suffix}-${crypto.randomUUID().slice(0, 8)}@example.test`, name: `${role} ${suffix}`, role, passwordHash: "x" })
    .returning();
  const member: Actor = { ...actor, userId: user.id, role, name: user.name, email: user.email };
  return { user, actor: member };
}

/** The invitation link from the newest outbox message to that address (this test run has no SMTP_URL). */
async function invitationToken(admin: Actor, email: string): Promise<string> {
  const outbox = await listOutbox(admin);
  const message = outbox!.find((m) => m.to === email && m.kind === "invitation");
  expect(message?.state).toBe("outbox");
  expect(message!.subject).toContain(admin.clinicName);
  const match = message!.body!.text.match(/\/invite\/([A-Za-z0-9_-]{43})/);
  expect(match, "the text body carries the link").not.toBeNull();
  expect(message!.body!.html).toContain(`/invite/${match![1]}`);
  return match![1];
}

describe("invitations", () => {
  it("are single use, stored only as a hash, and make a clinician who can sign in", async () => {
    const { actor } = await createTestClinic();
    const email = `new-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const result = await inviteUser(actor, { email: email.toUpperCase(), role: "clinician" });
    expect(result?.delivery.state).toBe("outbox");
    const token = await invitationToken(actor, email);

    expect(await findInDatabase(token)).toEqual([]);
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await findInvitation(token)).toEqual({ email, role: "clinician", clinicName: actor.clinicName });
    await expect(acceptInvitation({ token, name: "New Colleague", password: "short" })).rejects.toThrow(/another password/);
    await expect(acceptInvitation({ token, name: "New Colleague", password: "1qaz2wsx3edc" })).rejects.toThrow(/another password/);
    expect(await acceptInvitation({ token, name: "New Colleague", password: "a tidy harbour at dawn" })).toEqual({ email });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ clinicId: actor.clinicId, role: "clinician", name: "New Colleague", active: true });
    expect(await verifyPassword(user.passwordHash, "a tidy harbour at dawn")).toBe(true);

    // Used once: a second use finds nothing and creates nothing.
    expect(await findInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, name: "Second Go", password: "another tidy harbour" })).toBeNull();
    expect(await findInDatabase(token)).toEqual([]);
    const team = await listTeam(actor);
    expect(team!.members.map((m) => m.email)).toContain(email);
    expect(team!.invitations.map((i) => i.email)).not.toContain(email);
  });

  it("expire after 7 days", async () => {
    const { actor } = await createTestClinic();
    const email = `late-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await inviteUser(actor, { email, role: "admin" });
    const token = await invitationToken(actor, email);
    const sixDays = new Date(Date.now() + 6 * 86_400_000);
    const eightDays = new Date(Date.now() + 8 * 86_400_000);
    expect(await findInvitation(token, sixDays)).toMatchObject({ role: "admin" });
    expect(await findInvitation(token, eightDays)).toBeNull();
    expect(await acceptInvitation({ token, name: "Late", password: "a tidy harbour at dawn" }, eightDays)).toBeNull();
    // And by the stored expiry, as a real clock would see it.
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, email));
    expect(await acceptInvitation({ token, name: "Late", password: "a tidy harbour at dawn" })).toBeNull();
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("to an address that already has an account are refused; a newer invitation replaces an older one", async () => {
    const { actor, user } = await createTestClinic();
    await expect(inviteUser(actor, { email: user.email, role: "clinician" })).rejects.toThrow(/already has an account/);
    const email = `twice-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await inviteUser(actor, { email, role: "clinician" });
    const first = await invitationToken(actor, email);
    await new Promise((r) => setTimeout(r, 5));
    await inviteUser(actor, { email, role: "clinician" });
    const second = await invitationToken(actor, email);
    expect(second).not.toBe(first);
    expect(await findInvitation(first)).toBeNull();
    expect(await findInvitation(second)).not.toBeNull();
  });
});

describe("roles and status", () => {
  it("a clinician can neither read nor change the team", async () => {
    const { actor } = await createTestClinic();
    const { actor: clinician } = await addMember(actor, "clinician", "c");
    const { user: other } = await addMember(actor, "clinician", "d");
    const before = await db.select().from(users).where(eq(users.clinicId, actor.clinicId)).orderBy(users.id);
    expect(await listTeam(clinician)).toBeNull();
    expect(await inviteUser(clinician, { email: "sneaky@example.test", role: "admin" })).toBeNull();
    expect(await setUserRole(clinician, { userId: clinician.userId, role: "admin" })).toBeNull();
    expect(await setUserActive(clinician, { userId: other.id, active: false })).toBeNull();
    expect(await listOutbox(clinician)).toBeNull();
    expect(await db.select().from(users).where(eq(users.clinicId, actor.clinicId)).orderBy(users.id)).toEqual(before);
    expect(await db.select().from(invitations).where(eq(invitations.clinicId, actor.clinicId))).toEqual([]);
  });

  it("an admin cannot reach another clinic's users", async () => {
    const { actor } = await createTestClinic();
    const { user: stranger } = await createTestClinic();
    expect(await setUserActive(actor, { userId: stranger.id, active: false })).toBeNull();
    expect(await setUserRole(actor, { userId: stranger.id, role: "clinician" })).toBeNull();
    const [still] = await db.select().from(users).where(eq(users.id, stranger.id));
    expect(still).toMatchObject({ active: true, role: "admin" });
  });

  it("deactivating ends the colleague's sessions at once; reactivating lets them sign in again", async () => {
    const { actor } = await createTestClinic();
    const { user } = await addMember(actor, "clinician", "e");
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion })).not.toBeNull();
    expect(await setUserActive(actor, { userId: user.id, active: false })).toEqual({ changed: true });
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
    expect(await setUserActive(actor, { userId: user.id, active: true })).toEqual({ changed: true });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    // The old session stays ended (its version was bumped); a new sign-in gets the new version.
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
    expect(await loadActor({ userId: user.id, sessionVersion: after.sessionVersion })).not.toBeNull();
    const actions = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(actions.map((a) => a.action).sort()).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("the last active admin cannot be demoted or deactivated", async () => {
    const { actor } = await createTestClinic();
    const { user: second } = await addMember(actor, "admin", "f");
    await expect(setUserActive(actor, { userId: actor.userId, active: false })).rejects.toThrow(/your own account/);
    expect(await setUserRole(actor, { userId: second.id, role: "clinician" })).toEqual({ changed: true });
    await expect(setUserRole(actor, { userId: actor.userId, role: "clinician" })).rejects.toThrow(/last active admin/);
    // A deactivated admin does not count.
    expect(await setUserRole(actor, { userId: second.id, role: "admin" })).toEqual({ changed: true });
    expect(await setUserActive(actor, { userId: second.id, active: false })).toEqual({ changed: true });
    await expect(setUserRole(actor, { userId: actor.userId, role: "clinician" })).rejects.toThrow(/last active admin/);
    const [me] = await db.select().from(users).where(eq(users.id, actor.userId));
    expect(me).toMatchObject({ role: "admin", active: true });
  });

  it("two admins demoting each other at the same moment leave one admin", async () => {
    const { actor: first } = await createTestClinic();
    const { actor: second } = await addMember(first, "admin", "g");
    const results = await Promise.allSettled([
      setUserRole(first, { userId: second.userId, role: "clinician" }),
      setUserRole(second, { userId: first.userId, role: "clinician" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([
      expect.stringMatching(/last active admin/),
    ]);
    const admins = await db.select().from(users).where(eq(users.clinicId, first.clinicId));
    expect(admins.filter((u) => u.role === "admin" && u.active)).toHaveLength(1);
  });
});

describe("outbox", () => {
  it("keeps bodies sealed and shows each clinic only its own messages", async () => {
    const { actor } = await createTestClinic();
    const { actor: other } = await createTestClinic();
    const email = `sealed-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await inviteUser(actor, { email, role: "clinician" });
    const [row] = await db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, email));
    expect(row.bodyCiphertext).toMatch(/^v1\./);
    expect(row.bodyCiphertext).not.toContain("invite");
    expect((await listOutbox(other))!.map((m) => m.to)).not.toContain(email);
  });
});
