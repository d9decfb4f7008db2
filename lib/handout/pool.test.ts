import { afterAll, describe, expect, test } from "vitest";
import { fixtureLink, fixturePatientName, fixtureSnapshot } from "./fixture";
import { flat, pdfInfo, pdfText } from "./pdf-tools";
import { closeHandoutPool, configureHandoutPool, handoutPoolStats, renderHandoutPooled } from "./pool";

afterAll(async () => {
  await closeHandoutPool();
});

describe("renderHandoutPooled", () => {
  test("renders in worker threads, two at a time, replacing each worker after its quota", async () => {
    configureHandoutPool({ maxWorkers: 2, rendersPerWorker: 2 });
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
    clearInterval(watcher);
    const stats = handoutPoolStats();
    expect(stats.mode).toBe("worker");
    expect(peakBusy).toBeLessThanOrEqual(2);
    // 5 renders at 2 per worker need at least 3 workers over the run.
    expect(stats.workersStarted).toBeGreaterThanOrEqual(3);
    expect(stats.queued).toBe(0);
    for (const [i, pdf] of pdfs.entries()) {
      expect(flat(pdfText(pdf))).toContain(fixturePatientName);
      expect(pdfInfo(pdf).pageSize).toContain(i % 2 ? "letter" : "A4");
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
