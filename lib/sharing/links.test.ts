import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { handoutFiles, plans, sessionLogs, shareLinks } from "@/db/schema";
import { addDays, clinicDate } from "@/lib/dates/format";
import { recentSessionsForLink } from "@/lib/adherence/log-session";
import { UserError } from "@/lib/errors";
import { closeHandoutPool } from "@/lib/handout/pool";
import { createTestClinic } from "@/lib/testing/fixtures";
import { handoutPdf, variantOf } from "./handouts";
import { getIssuedVersion } from "./versions";
import { ensureShareLink, getShareLink, replaceShareLink, resolveShareToken, resolveShareTokenForPage, revokeShareLink, setShareLinkExpiry } from "./links";
import { addVersion, createIssuedPlan } from "./testing";
import { generateToken, hashToken, isWellFormedToken, openToken, sealToken } from "./token";

afterAll(async () => {
  await closeHandoutPool();
});

describe("tokens", () => {
  it("are 32 random bytes in base64url, hashed with SHA-256", () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(isWellFormedToken(token)).toBe(true);
    expect(isWellFormedToken(`${token}x`)).toBe(false);
    expect(isWellFormedToken("../../etc/passwd")).toBe(false);
  });

  it("seal and open only with the same secret, link and hash", () => {
    const token = generateToken();
    const secret = "a-secret-of-at-least-thirty-two-characters";
    const sealed = sealToken(token, "link-1", secret);
    expect(sealed).not.toContain(token);
    expect(openToken(sealed, "link-1", hashToken(token), secret)).toBe(token);
    expect(openToken(sealed, "link-2", hashToken(token), secret)).toBeNull();
    expect(openToken(sealed, "link-1", hashToken(token), `${secret}-rotated`)).toBeNull();
    expect(openToken(sealed, "link-1", hashToken(generateToken()), secret)).toBeNull();
    // Flip one bit of the sealed bytes (editing the text's last characters may change only unused bits).
    const [version, payload] = sealed.split(".");
    for (const at of [0, 20, -1]) {
      const bytes = Buffer.from(payload, "base64url");
      bytes[at < 0 ? bytes.length + at : at] ^= 0x01;
      expect(openToken(`${version}.${bytes.toString("base64url")}`, "link-1", hashToken(token), secret)).toBeNull();
    }
    expect(openToken(null, "link-1", hashToken(token), secret)).toBeNull();
  });
});

describe("share links", () => {
  it("creates one link per plan and stores only the token's hash, never the token", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const link = await ensureShareLink(actor, { planId: plan.id });
    expect(link?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await ensureShareLink(actor, { planId: plan.id });
    expect(again?.id).toBe(link!.id);
    expect(again?.token).toBe(link!.token);

    const rows = await db.execute<Record<string, unknown>>(sql`select * from share_links where plan_id = ${plan.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(hashToken(link!.token!));
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(link!.token!);
    expect(stored).not.toContain(Buffer.from(link!.token!, "base64url").toString("hex"));
    expect(stored).not.toContain(Buffer.from(link!.token!, "base64url").toString("base64"));
  });

  it("refuses to share a plan that was never issued", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    await db.update(plans).set({ latestVersion: 0, status: "draft" }).where(eq(plans.id, plan.id));
    await expect(ensureShareLink(actor, { planId: plan.id })).rejects.toBeInstanceOf(UserError);
    expect(await getShareLink(actor, { planId: plan.id })).toBeNull();
  });

  it("resolves to the newest issued version, and keeps the same link across versions", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor, { versions: 2 });
    const link = await ensureShareLink(actor, { planId: plan.id });
    expect((await resolveShareToken(link!.token!))?.version).toBe(2);
    await addVersion(actor, plan.id, 3);
    const resolved = await resolveShareToken(link!.token!);
    expect(resolved?.version).toBe(3);
    expect(resolved?.snapshot.version).toBe(3);
    expect(resolved?.snapshot.changes?.added).toEqual(["Wall sit"]);
    expect((await ensureShareLink(actor, { planId: plan.id }))?.token).toBe(link!.token);
  });

  it("answers null for unknown and malformed tokens and for archived plans", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const link = await ensureShareLink(actor, { planId: plan.id });
    expect(await resolveShareToken(generateToken())).toBeNull();
    expect(await resolveShareToken("not-a-token")).toBeNull();
    expect(await resolveShareToken(link!.token!.toLowerCase())).toBeNull();
    await db.update(plans).set({ status: "archived" }).where(eq(plans.id, plan.id));
    expect(await resolveShareToken(link!.token!)).toBeNull();
  });

  it("reads the page's link and the plan's last 14 days in one go, and nothing for a dead link", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor, { versions: 2 });
    const other = await createIssuedPlan(actor);
    const link = await ensureShareLink(actor, { planId: plan.id });
    const today = clinicDate();
    const logged = (planId: string, daysAgo: number, pain: number, itemsDone: unknown) => ({
      clinicId: actor.clinicId,
      planId,
      version: 1,
      loggedOn: addDays(today, -daysAgo),
      itemsDone,
      pain,
      comment: daysAgo === 0 ? "Knee <b>felt</b> fine" : null,
      clientKey: crypto.randomUUID(),
      createdAt: new Date(Date.now() - daysAgo * 86_400_000),
    });
    await db.insert(sessionLogs).values([
      logged(plan.id, 13, 4, [1]),
      logged(plan.id, 0, 2, [0, 1, 2]),
      logged(plan.id, 14, 6, [0]), // a day too old
      logged(other.plan.id, 0, 9, [0]), // another plan of the same clinic
    ]);

    const visit = await resolveShareTokenForPage(link!.token!);
    expect(visit?.link).toEqual(await resolveShareToken(link!.token!));
    expect(visit?.recentSessions.map(({ loggedOn, exercisesDone, pain, comment }) => ({ loggedOn, exercisesDone, pain, comment }))).toEqual([
      { loggedOn: today, exercisesDone: 3, pain: 2, comment: "Knee <b>felt</b> fine" },
      { loggedOn: addDays(today, -13), exercisesDone: 1, pain: 4, comment: null },
    ]);
    expect(await recentSessionsForLink(visit!.link)).toEqual(visit!.recentSessions);

    const fresh = await ensureShareLink(actor, { planId: other.plan.id });
    expect((await resolveShareTokenForPage(fresh!.token!))?.recentSessions.map((session) => session.pain)).toEqual([9]);
    expect(await resolveShareTokenForPage(generateToken())).toBeNull();
    expect(await resolveShareTokenForPage("not-a-token")).toBeNull();
    await revokeShareLink(actor, { planId: plan.id });
    expect(await resolveShareTokenForPage(link!.token!)).toBeNull();
  });

  it("records when the link was last opened", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const link = await ensureShareLink(actor, { planId: plan.id });
    expect(link?.lastOpenedAt).toBeNull();
    await resolveShareToken(link!.token!);
    expect((await getShareLink(actor, { planId: plan.id }))?.lastOpenedAt).toBeInstanceOf(Date);
  });

  it("revoke ends the link at once; a new link is a new token", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const link = await ensureShareLink(actor, { planId: plan.id });
    expect(await revokeShareLink(actor, { planId: plan.id })).toBe(true);
    expect(await resolveShareToken(link!.token!)).toBeNull();
    expect(await getShareLink(actor, { planId: plan.id })).toBeNull();
    expect(await revokeShareLink(actor, { planId: plan.id })).toBe(false);
    const fresh = await ensureShareLink(actor, { planId: plan.id });
    expect(fresh?.token).not.toBe(link!.token);
    expect(await resolveShareToken(link!.token!)).toBeNull();
    expect((await resolveShareToken(fresh!.token!))?.planId).toBe(plan.id);
  });

  it("replace gives a new token and the old one dies", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const old = await ensureShareLink(actor, { planId: plan.id });
    const replaced = await replaceShareLink(actor, { planId: plan.id });
    expect(replaced?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(replaced?.token).not.toBe(old!.token);
    expect(await resolveShareToken(old!.token!)).toBeNull();
    expect((await resolveShareToken(replaced!.token!))?.planId).toBe(plan.id);
    const live = await db.select().from(shareLinks).where(and(eq(shareLinks.planId, plan.id), sql`${shareLinks.revokedAt} is null`));
    expect(live).toHaveLength(1);
  });

  it("expires on the date set, and clearing the expiry brings it back", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const link = await ensureShareLink(actor, { planId: plan.id });
    await expect(setShareLinkExpiry(actor, { planId: plan.id, expiresAt: new Date(Date.now() - 60_000) })).rejects.toBeInstanceOf(UserError);
    const future = new Date(Date.now() + 7 * 86_400_000);
    expect((await setShareLinkExpiry(actor, { planId: plan.id, expiresAt: future }))?.expiresAt?.getTime()).toBe(future.getTime());
    expect(await resolveShareToken(link!.token!)).not.toBeNull();
    await db.update(shareLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(shareLinks.id, link!.id));
    expect(await resolveShareToken(link!.token!)).toBeNull();
    expect((await getShareLink(actor, { planId: plan.id }))?.expired).toBe(true);
    await setShareLinkExpiry(actor, { planId: plan.id, expiresAt: null });
    expect(await resolveShareToken(link!.token!)).not.toBeNull();
  });

  it("keeps every clinician function inside the actor's clinic", async () => {
    const { actor } = await createTestClinic();
    const { actor: stranger } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const link = await ensureShareLink(actor, { planId: plan.id });

    expect(await getShareLink(stranger, { planId: plan.id })).toBeNull();
    expect(await ensureShareLink(stranger, { planId: plan.id })).toBeNull();
    expect(await revokeShareLink(stranger, { planId: plan.id })).toBe(false);
    expect(await replaceShareLink(stranger, { planId: plan.id })).toBeNull();
    expect(await setShareLinkExpiry(stranger, { planId: plan.id, expiresAt: new Date(Date.now() + 86_400_000) })).toBeNull();
    expect(await getIssuedVersion(stranger, { planId: plan.id })).toBeNull();
    expect(await getShareLink(stranger, { planId: "not-a-uuid" })).toBeNull();

    const unchanged = await getShareLink(actor, { planId: plan.id });
    expect(unchanged?.token).toBe(link!.token);
    expect(unchanged?.expiresAt).toBeNull();
    expect((await resolveShareToken(link!.token!))?.planId).toBe(plan.id);
  });
});

describe("handout cache", () => {
  it("picks the variant from the query", () => {
    expect(variantOf({})).toBe("a4");
    expect(variantOf({ large: "1" })).toBe("a4-large");
    expect(variantOf({ paper: "letter" })).toBe("letter");
    expect(variantOf({ paper: "LETTER", large: "true" })).toBe("letter-large");
  });

  it("renders once per version and variant, stores one row, and forgets it when the link changes", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const link = await ensureShareLink(actor, { planId: plan.id });
    const version = await getIssuedVersion(actor, { planId: plan.id });
    expect(version?.version).toBe(1);
    const input = {
      versionId: version!.versionId,
      clinicId: actor.clinicId,
      linkId: link!.id,
      snapshot: version!.snapshot,
      variant: "a4" as const,
      link: `http://127.0.0.1/p/${link!.token}`,
    };
    const [first, second] = await Promise.all([handoutPdf(input), handoutPdf(input)]);
    expect(first.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(second.pdf.equals(first.pdf)).toBe(true);
    expect(first.fileName).toBe("knee-plan-v1.pdf");
    const rows = await db.select({ variant: handoutFiles.variant }).from(handoutFiles).where(eq(handoutFiles.planVersionId, version!.versionId));
    expect(rows).toEqual([{ variant: "a4" }]);

    const cached = await handoutPdf(input);
    expect(cached.pdf.equals(first.pdf)).toBe(true);

    await replaceShareLink(actor, { planId: plan.id });
    expect(await db.select().from(handoutFiles).where(eq(handoutFiles.planVersionId, version!.versionId))).toHaveLength(0);
    // A render for the dead link is served but not stored.
    await handoutPdf(input);
    expect(await db.select().from(handoutFiles).where(eq(handoutFiles.planVersionId, version!.versionId))).toHaveLength(0);
  });
});
