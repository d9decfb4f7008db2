import { afterAll, describe, expect, test } from "vitest";
import { fixtureLink, fixturePatientName, fixtureSnapshot } from "./fixture";
import { flat, pdfInfo, pdfText } from "./pdf-tools";
import { closeHandoutPool, configureHandoutPool, handoutPoolStats, renderHandoutPooled, warmHandoutPool } from "./pool";

afterAll(async () => {
  await closeHandoutPool();
});

describe("renderHandoutPooled", () => {
  test("renders in worker threads, two at a time, replacing each worker after its quota", async () => {
    configureHandoutPool({ maxWorkers: 2, rendersPerWorker: 2, warmUpRenders: 1 });
    const snapshot = fixtureSnapshot();
    let peakBusy = 0;
    const watcher = setInterval(() => {
      peakBusy = Math.max(peakBusy, handoutPoolStats().busy, handoutPoolStats().workers);
    }, 5);
    const pdfs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        renderHandoutPooled(snapshot, { link: fixtureLink, paper: i % 2 ? "LETTER" : "A4", largePrint: false }),
      ),
    );
    // The workers past their quota hand over to warmed-up successors in the background.
    while (handoutPoolStats().workersStarted < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(watcher);
    const stats = handoutPoolStats();
    expect(stats.mode).toBe("worker");
    expect(peakBusy).toBeLessThanOrEqual(2);
    expect(stats.queued).toBe(0);
    for (const [i, pdf] of pdfs.entries()) {
      expect(flat(pdfText(pdf))).toContain(fixturePatientName);
      expect(pdfInfo(pdf).pageSize).toContain(i % 2 ? "letter" : "A4");
    }
  }, 180_000);

  test("a worker at its quota serves on until its warmed-up successor takes over, so no request waits", async () => {
    await closeHandoutPool();
    configureHandoutPool({ maxWorkers: 1, rendersPerWorker: 3, warmUpRenders: 1 });
    await warmHandoutPool();
    const started = handoutPoolStats().workersStarted;
    expect(handoutPoolStats().workers).toBe(1);
    expect(handoutPoolStats().lastWarmUpMs).toHaveLength(1);
    let peakQueued = 0;
    const watcher = setInterval(() => {
      peakQueued = Math.max(peakQueued, handoutPoolStats().queued);
    }, 2);
    const options = { link: fixtureLink, paper: "A4", largePrint: false } as const;
    let version = 10;
    const render = async () => {
      const pdf = await renderHandoutPooled(fixtureSnapshot({ version }), options);
      expect(flat(pdfText(pdf))).toContain(`Version ${version}`);
      version++;
    };
    for (let i = 0; i < 3; i++) await render();
    // At its quota: a successor is warming up, and meanwhile the old worker keeps serving.
    expect(handoutPoolStats().warming).toBe(1);
    for (let i = 0; i < 2; i++) await render();
    while (handoutPoolStats().workersStarted === started) await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 2; i++) await render();
    clearInterval(watcher);
    // No request ever queued behind a worker being started: each found a worker ready.
    expect(peakQueued).toBe(0);
    expect(handoutPoolStats().workers).toBe(1);
    expect(handoutPoolStats().workersStarted).toBeGreaterThanOrEqual(started + 1);
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
