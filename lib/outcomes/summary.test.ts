// The PSFS form rules and the figures the plan page charts: pure, no database.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateInZone } from "@/lib/dates/format";
import { activityNameMaxLength, parsePsfsForm, parseScore, type NamedActivity } from "./psfs-form";
import { clinicDayOfLog, isMeaningful, psfsSummary, weeklyPainAverages, type PsfsOccasion } from "./summary";

const stairs: NamedActivity = { id: "a-stairs", position: 0, name: "Climbing stairs" };
const sitting: NamedActivity = { id: "a-sitting", position: 1, name: "Sitting for an hour" };

describe("the PSFS form", () => {
  it("accepts whole numbers 0 to 10 written as digits, and nothing else", () => {
    expect([0, 1, 9, 10].map((n) => parseScore(String(n)))).toEqual([0, 1, 9, 10]);
    for (const bad of ["-1", "11", "2.5", "1e1", "", " ", "ten", "0x5", "07x", "100"]) expect(parseScore(bad), bad).toBeNull();
    expect(parseScore(undefined)).toBeNull();
    fc.assert(fc.property(fc.string(), (raw) => {
      const score = parseScore(raw);
      return score === null || (Number.isInteger(score) && score >= 0 && score <= 10);
    }));
  });

  it("names up to five activities at the first score, each with a score", () => {
    const parsed = parsePsfsForm({ name0: "  Climbing   stairs ", score0: "3", name2: "Kneeling", score2: "0" }, []);
    expect(parsed).toEqual({ ok: true, entries: [{ position: 0, name: "Climbing stairs", score: 3 }, { position: 2, name: "Kneeling", score: 0 }] });
  });

  it("needs at least one activity, a name for each score and a score for each name", () => {
    expect(parsePsfsForm({}, [])).toMatchObject({ ok: false, fieldErrors: { name0: [expect.stringContaining("at least one")] } });
    expect(parsePsfsForm({ name0: "Running" }, [])).toMatchObject({ ok: false, fieldErrors: { score0: [expect.stringContaining("0 (unable")] } });
    expect(parsePsfsForm({ score1: "4" }, [])).toMatchObject({ ok: false, fieldErrors: { name1: [expect.any(String)] } });
    expect(parsePsfsForm({ name0: "Running", score0: "11" }, [])).toMatchObject({ ok: false, fieldErrors: { score0: [expect.any(String)] } });
    expect(parsePsfsForm({ name0: "Running", score0: "3.5" }, [])).toMatchObject({ ok: false, fieldErrors: { score0: [expect.any(String)] } });
  });

  it("limits a name's length and refuses the same activity twice", () => {
    const long = "x".repeat(activityNameMaxLength + 1);
    expect(parsePsfsForm({ name0: long, score0: "2" }, [])).toMatchObject({ ok: false, fieldErrors: { name0: [expect.stringContaining(String(activityNameMaxLength))] } });
    expect(parsePsfsForm({ name0: "x".repeat(activityNameMaxLength), score0: "2" }, [])).toMatchObject({ ok: true });
    expect(parsePsfsForm({ name0: "Running", score0: "2", name1: "running ", score1: "3" }, [])).toMatchObject({ ok: false, fieldErrors: { name1: [expect.stringContaining("already")] } });
  });

  it("takes at most five activities: positions beyond 0–4 are not read", () => {
    const values: Record<string, string> = {};
    for (let i = 0; i < 8; i++) Object.assign(values, { [`name${i}`]: `Activity ${i}`, [`score${i}`]: "5" });
    const parsed = parsePsfsForm(values, []);
    expect(parsed.ok && parsed.entries.map((e) => e.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it("at a review scores every named activity, and refuses a repeated field", () => {
    expect(parsePsfsForm({ score0: "6" }, [stairs, sitting])).toMatchObject({ ok: false, fieldErrors: { score1: [expect.any(String)] } });
    expect(parsePsfsForm({ score0: "6", score1: "7" }, [stairs, sitting])).toEqual({
      ok: true,
      entries: [{ position: 0, activityId: "a-stairs", score: 6 }, { position: 1, activityId: "a-sitting", score: 7 }],
    });
    expect(parsePsfsForm({ score0: ["6", "7"], score1: "7" }, [stairs, sitting])).toMatchObject({ ok: false, fieldErrors: { score0: [expect.any(String)] } });
    // A new activity beside the named ones, unless new ones are not allowed (the patient after the first score).
    expect(parsePsfsForm({ score0: "6", score1: "7", name2: "Running", score2: "1" }, [stairs, sitting])).toMatchObject({ ok: true, entries: [{}, {}, { name: "Running" }] });
    const patient = parsePsfsForm({ score0: "6", score1: "7", name2: "Running", score2: "1" }, [stairs, sitting], { allowNew: false });
    expect(patient.ok && patient.entries).toHaveLength(2);
    expect(parsePsfsForm({ score0: "6", name1: "Climbing stairs", score1: "2" }, [stairs])).toMatchObject({ ok: false, fieldErrors: { name1: [expect.stringContaining("already")] } });
  });

  it("never accepts a score outside 0–10 or a name outside 1–80 characters, whatever is posted", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("name0", "score0", "name1", "score1", "name4", "score4", "other"), fc.string({ maxLength: 100 })), (values) => {
        const parsed = parsePsfsForm(values, []);
        if (!parsed.ok) return Object.keys(parsed.fieldErrors).length > 0;
        return parsed.entries.every((e) => Number.isInteger(e.score) && e.score >= 0 && e.score <= 10 && e.name!.length >= 1 && e.name!.length <= activityNameMaxLength);
      }),
    );
  });
});

describe("the PSFS summary", () => {
  const occasion = (id: string, recordedOn: string, scores: Record<string, number>, source: "clinician" | "patient" = "clinician"): PsfsOccasion => ({ id, recordedOn, source, scores });

  it("averages each occasion and measures the change from the baseline against the minimal important change of 2", () => {
    const summary = psfsSummary([stairs, sitting], [
      occasion("m2", "2026-11-20", { "a-stairs": 5, "a-sitting": 6 }, "patient"),
      occasion("m1", "2026-11-01", { "a-stairs": 2, "a-sitting": 3 }),
    ]);
    expect(summary.points.map((p) => [p.recordedOn, p.average, p.change])).toEqual([
      ["2026-11-01", 2.5, 0],
      ["2026-11-20", 5.5, 3],
    ]);
    expect(summary.change).toBe(3);
    expect(summary.verdict).toBe("better");
    expect(summary.activities.map((a) => [a.name, a.baseline, a.latest, a.change])).toEqual([
      ["Climbing stairs", 2, 5, 3],
      ["Sitting for an hour", 3, 6, 3],
    ]);
  });

  it("calls a change meaningful from exactly 2 points, either way, and rounds the average to one decimal", () => {
    expect(isMeaningful(2)).toBe(true);
    expect(isMeaningful(-2)).toBe(true);
    expect(isMeaningful(1.9)).toBe(false);
    const three = [stairs, sitting, { id: "a-run", position: 2, name: "Running" }];
    const below = psfsSummary(three, [occasion("a", "2026-01-01", { "a-stairs": 1, "a-sitting": 2, "a-run": 2 }), occasion("b", "2026-02-01", { "a-stairs": 3, "a-sitting": 3, "a-run": 4 })]);
    // 5/3 = 1.7 and 10/3 = 3.3: a change of 1.6, not meaningful.
    expect(below.points.map((p) => p.average)).toEqual([1.7, 3.3]);
    expect(below.change).toBe(1.6);
    expect(below.verdict).toBe("none");
    const worse = psfsSummary([stairs], [occasion("a", "2026-01-01", { "a-stairs": 6 }), occasion("b", "2026-02-01", { "a-stairs": 4 })]);
    expect(worse.verdict).toBe("worse");
    expect(worse.change).toBe(-2);
  });

  it("has no change with one occasion, and none at all without scores", () => {
    const one = psfsSummary([stairs], [occasion("a", "2026-01-01", { "a-stairs": 4 })]);
    expect([one.change, one.verdict, one.baseline?.average]).toEqual([null, null, 4]);
    expect(psfsSummary([], [])).toMatchObject({ points: [], baseline: null, latest: null, change: null });
  });

  it("gives an activity added at a review its own baseline", () => {
    const run = { id: "a-run", position: 1, name: "Running" };
    const summary = psfsSummary([stairs, run], [
      occasion("a", "2026-01-01", { "a-stairs": 2 }),
      occasion("b", "2026-02-01", { "a-stairs": 4, "a-run": 1 }),
      occasion("c", "2026-03-01", { "a-stairs": 6, "a-run": 5 }),
    ]);
    expect(summary.activities.map((a) => [a.baseline, a.latest, a.change])).toEqual([
      [2, 6, 4],
      [1, 5, 4],
    ]);
  });
});

describe("NPRS weekly averages", () => {
  it("averages the pain of each Monday-to-Sunday week, with empty weeks kept, up to this week", () => {
    const weeks = weeklyPainAverages(
      [
        { loggedOn: "2026-11-02", pain: 6 }, // Monday
        { loggedOn: "2026-11-08", pain: 3 }, // Sunday, same week
        { loggedOn: "2026-11-09", pain: 2 }, // next Monday
        { loggedOn: "2026-11-24", pain: 1 },
        { loggedOn: "2026-11-25", pain: 2 },
      ],
      { from: "2026-11-04", today: "2026-12-01" },
    );
    expect(weeks).toEqual([
      { weekStart: "2026-11-02", sessions: 2, average: 4.5 },
      { weekStart: "2026-11-09", sessions: 1, average: 2 },
      { weekStart: "2026-11-16", sessions: 0, average: null },
      { weekStart: "2026-11-23", sessions: 2, average: 1.5 },
      { weekStart: "2026-11-30", sessions: 0, average: null },
    ]);
  });

  it("starts at the earlier of the plan's start and the first session, and keeps the most recent weeks", () => {
    const weeks = weeklyPainAverages([{ loggedOn: "2026-10-01", pain: 4 }], { from: "2026-11-04", today: "2026-11-04" });
    expect(weeks[0]).toEqual({ weekStart: "2026-09-28", sessions: 1, average: 4 });
    expect(weeks.at(-1)!.weekStart).toBe("2026-11-02");
    const capped = weeklyPainAverages([], { from: "2025-01-01", today: "2026-11-04", maxWeeks: 4 });
    expect(capped.map((w) => w.weekStart)).toEqual(["2026-10-12", "2026-10-19", "2026-10-26", "2026-11-02"]);
  });

  it("counts weeks in the clinic's calendar: late Sunday evening in London is already Monday in Auckland", () => {
    const moment = new Date("2026-11-08T21:30:00Z"); // Sunday 21:30 in London; Monday 10:30 in Auckland
    const london = dateInZone(moment, "Europe/London");
    const auckland = dateInZone(moment, "Pacific/Auckland");
    expect([london, auckland]).toEqual(["2026-11-08", "2026-11-09"]);
    const inLondon = weeklyPainAverages([{ loggedOn: london, pain: 5 }], { from: london, today: london });
    const inAuckland = weeklyPainAverages([{ loggedOn: auckland, pain: 5 }], { from: auckland, today: auckland });
    expect(inLondon.map((w) => w.weekStart)).toEqual(["2026-11-02"]);
    expect(inAuckland.map((w) => w.weekStart)).toEqual(["2026-11-09"]);
  });

  it("puts a New York clinic's late Sunday-evening session in its own week, though London had reached Monday when it was stored", () => {
    const sundayEvening = new Date("2026-11-09T02:30:00Z"); // Sunday 8 Nov 21:30 in New York; Monday 9 Nov 02:30 in London
    const stored = { loggedOn: "2026-11-09", createdAt: sundayEvening }; // as the session log writes it: London's date
    const newYork = clinicDayOfLog(stored, "America/New_York");
    expect(newYork).toBe("2026-11-08");
    expect(clinicDayOfLog(stored, "Europe/London")).toBe("2026-11-09");
    const weeks = (timeZone: string) =>
      weeklyPainAverages([{ loggedOn: clinicDayOfLog(stored, timeZone), pain: 6 }], { from: "2026-11-02", today: "2026-11-10" }).filter((week) => week.sessions > 0);
    expect(weeks("America/New_York")).toEqual([{ weekStart: "2026-11-02", sessions: 1, average: 6 }]);
    expect(weeks("Europe/London")).toEqual([{ weekStart: "2026-11-09", sessions: 1, average: 6 }]);
    // In summer time too (New York UTC-4, London UTC+1): Sunday 21:00 in New York is Monday 02:00 in London.
    expect(clinicDayOfLog({ loggedOn: "2026-07-13", createdAt: new Date("2026-07-13T01:00:00Z") }, "America/New_York")).toBe("2026-07-12");
  });

  it("keeps the day the session log writes now: the clinic's own date of the moment it saved", () => {
    const sundayEvening = new Date("2026-11-09T02:30:00Z"); // Sunday 8 Nov 21:30 in New York; Monday 9 Nov 02:30 in London
    expect(clinicDayOfLog({ loggedOn: "2026-11-08", createdAt: sundayEvening }, "America/New_York")).toBe("2026-11-08");
    const mondayMorning = new Date("2026-11-09T14:00:00Z"); // Monday 09:00 in New York, 14:00 in London: the same date
    expect(clinicDayOfLog({ loggedOn: "2026-11-09", createdAt: mondayMorning }, "America/New_York")).toBe("2026-11-09");
  });

  it("keeps the day of a session dated on purpose (seeded or imported: not London's date of when it was stored)", () => {
    expect(clinicDayOfLog({ loggedOn: "2026-10-01", createdAt: new Date("2026-11-09T02:30:00Z") }, "America/New_York")).toBe("2026-10-01");
    expect(clinicDayOfLog({ loggedOn: "2026-11-08", createdAt: new Date("2026-11-09T02:30:00Z") }, "Pacific/Auckland")).toBe("2026-11-08");
  });
});
