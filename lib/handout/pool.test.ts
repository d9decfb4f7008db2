import { afterAll, describe, expect, test } from "vitest";
import { fixtureLink, fixturePatientName, fixtureSnapshot } from "./fixture";
import { flat, pdfInfo, pdfText } from "./pdf-tools";
import { closeHandoutPool, configureHandoutPool, handoutPoolStats, handoutPoolWorkers, renderHandoutPooled, warmHandoutPool } from "./pool";

afterAll(async () => {
  await closeHandoutPool();
});

describe("renderHandoutPooled", () => {
  test("keeps a fixed set of warmed workers started ahead of need, rendering at most two at once", async () => {
    configureHandoutPool({ maxWorkers: 2, warmUpRenders: 1 });
    await warmHandoutPool();
    expect(handoutPoolStats()).toMatchObject({ mode: "worker", workers: 2, starting: 0, workersStarted: 2 });
    expect(handoutPoolStats().lastWarmUpMs).toHaveLength(1);
    const snapshot = fixtureSnapshot();
    let peakBusy = 0;
    const watcher = setInterval(() => {
      peakBusy = Math.max(peakBusy, handoutPoolStats().busy);
    }, 5);
    const pdfs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        renderHandoutPooled(snapshot, { link: fixtureLink, paper: i % 2 ? "LETTER" : "A4", largePrint: false }),
      ),
    );
    clearInterval(watcher);
    const stats = handoutPoolStats();
    expect(peakBusy).toBe(2);
    // The same two workers served every render: none was started on demand or recycled.
    expect(stats).toMatchObject({ workers: 2, workersStarted: 2, queued: 0, busy: 0 });
    for (const [i, pdf] of pdfs.entries()) {
      expect(flat(pdfText(pdf))).toContain(fixturePatientName);
      expect(pdfInfo(pdf).pageSize).toContain(i % 2 ? "letter" : "A4");
    }
  }, 180_000);

  test("a worker that dies fails only its own render and is replaced; the others keep serving", async () => {
    await closeHandoutPool();
    configureHandoutPool({ maxWorkers: 2, warmUpRenders: 0 });
    await warmHandoutPool();
    const started = handoutPoolStats().workersStarted;
    const options = { link: fixtureLink, paper: "A4", largePrint: false } as const;
    const [first, second] = [renderHandoutPooled(fixtureSnapshot({ version: 21 }), options), renderHandoutPooled(fixtureSnapshot({ version: 22 }), options)];
    const victim = handoutPoolWorkers()[0];
    await victim.terminate();
    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toHaveLength(1);
    const failed = outcomes.find((outcome) => outcome.status === "rejected")!;
    expect(String((failed as PromiseRejectedResult).reason)).toMatch(/stopped unexpectedly/);
    // The replacement starts at once; the next renders all succeed on two workers again.
    while (handoutPoolStats().workers < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handoutPoolStats().workersStarted).toBe(started + 1);
    expect(handoutPoolWorkers()).not.toContain(victim);
    const pdfs = await Promise.all([23, 24, 25].map((version) => renderHandoutPooled(fixtureSnapshot({ version }), options)));
    for (const [i, pdf] of pdfs.entries()) expect(flat(pdfText(pdf))).toContain(`Version ${23 + i}`);
  }, 180_000);

  test("a render over its time limit fails, and its worker is ended and replaced", async () => {
    await closeHandoutPool();
    configureHandoutPool({ maxWorkers: 1, warmUpRenders: 0, renderTimeoutMs: 1 });
    try {
      await warmHandoutPool();
      const worker = handoutPoolWorkers()[0];
      await expect(renderHandoutPooled(fixtureSnapshot(), { link: fixtureLink, paper: "A4", largePrint: false })).rejects.toThrow(
        /longer than 1 ms/,
      );
      configureHandoutPool({ renderTimeoutMs: 60_000 });
      while (handoutPoolStats().workers < 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(handoutPoolWorkers()[0]).not.toBe(worker);
      const pdf = await renderHandoutPooled(fixtureSnapshot(), { link: fixtureLink, paper: "A4", largePrint: false });
      expect(flat(pdfText(pdf))).toContain(fixturePatientName);
    } finally {
      configureHandoutPool({ maxWorkers: 2, renderTimeoutMs: 60_000 });
    }
  }, 180_000);

  test("in this thread (the fallback when workers cannot start), still at most two at once", async () => {
    configureHandoutPool({ useWorkers: false, maxWorkers: 2 });
    try {
      let peakBusy = 0;
      const watcher = setInterval(() => {
        peakBusy = Math.max(peakBusy, handoutPoolStats().busy);
      }, 1);
      const renders = Array.from({ length: 4 }, () =>
        renderHandoutPooled(fixtureSnapshot(), { link: fixtureLink, paper: "A4", largePrint: false }),
      );
      expect(handoutPoolStats().queued).toBe(2);
      const pdfs = await Promise.all(renders);
      clearInterval(watcher);
      expect(handoutPoolStats().mode).toBe("in-process");
      expect(peakBusy).toBe(2);
      for (const pdf of pdfs) expect(flat(pdfText(pdf))).toContain(fixturePatientName);
    } finally {
      configureHandoutPool({ useWorkers: true });
    }
  }, 180_000);

  test("rejects a bad link before queueing", async () => {
    await expect(
      renderHandoutPooled(fixtureSnapshot(), { link: "javascript:alert(1)", paper: "A4", largePrint: false }),
    ).rejects.toThrow();
    expect(handoutPoolStats().queued).toBe(0);
  });
});
