// Layers as drawn (issue 12, item 6): `app -> lib -> db`, with scripts/ on top. Nothing in db/
// imports lib/, app/ or scripts/; lib/figures draws pictures from data and imports nothing from
// db/ (the figure-file store is lib/sharing/figure-images.ts) nor from scripts/ (the offline
// solver, scripts/figures); lib/ and app/ import nothing from scripts/.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) ? [relative] : [];
  });
}

/** The top folder (app, lib, db, scripts, …) of every module a file imports, by path. */
function importsOf(file: string): { specifier: string; folder: string; module: string }[] {
  const source = fs.readFileSync(path.join(root, file), "utf8");
  const specifiers = [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)].map((m) => m[1]);
  return specifiers.flatMap((specifier) => {
    let target: string;
    if (specifier.startsWith("@/")) target = specifier.slice(2);
    else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    else return [];
    return [{ specifier, folder: target.split("/")[0], module: target }];
  });
}

function violations(files: string[], refused: (target: { folder: string; module: string }) => boolean): string[] {
  return files.flatMap((file) => importsOf(file).filter(refused).map((target) => `${file} imports ${target.specifier}`));
}

describe("layers", () => {
  it("reads imports the way the code writes them (the guard can fail)", () => {
    expect(importsOf("lib/testing/global-setup.ts").map((i) => i.folder)).toEqual(expect.arrayContaining(["db", "lib"]));
    expect(importsOf("lib/figures/svg.tsx").map((i) => i.module)).toContain("lib/figures/render");
  });

  it("db/ imports nothing of lib/, app/ or scripts/", () => {
    const files = sourceFiles("db");
    expect(files.length).toBeGreaterThan(5);
    expect(violations(files, (t) => ["lib", "app", "scripts"].includes(t.folder))).toEqual([]);
  });

  it("lib/figures imports nothing from db/ or scripts/", () => {
    expect(violations(sourceFiles("lib/figures"), (t) => t.folder === "db" || t.folder === "scripts")).toEqual([]);
  });

  it("lib/ and app/ import nothing from scripts/", () => {
    expect(violations([...sourceFiles("lib"), ...sourceFiles("app")], (t) => t.folder === "scripts")).toEqual([]);
  });
});
