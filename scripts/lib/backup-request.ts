// The embedded database belongs to the `npm start` process, so a backup of it while the app runs
// is made there: `npm run backup` writes a request file into the data folder and sends SIGUSR2;
// the start process dumps and writes the result file that the backup command waits for.
import fs from "node:fs";
import path from "node:path";
import type { EmbeddedDatabase } from "@/db/embedded";
import { writeBlob } from "./backup";

export const requestFile = (dataDir: string) => path.join(dataDir, "backup-request.json");
export const resultFile = (dataDir: string) => path.join(dataDir, "backup-result.json");

export type BackupResult = { id: string; ok: boolean; file?: string; error?: string };

export async function answerBackupRequest(dataDir: string, database: EmbeddedDatabase): Promise<void> {
  let id = "";
  try {
    const request = JSON.parse(fs.readFileSync(requestFile(dataDir), "utf8")) as { id: string; file: string };
    id = request.id;
    await writeBlob(await database.dump(), request.file);
    fs.writeFileSync(resultFile(dataDir), JSON.stringify({ id, ok: true, file: request.file } satisfies BackupResult));
  } catch (error) {
    fs.writeFileSync(resultFile(dataDir), JSON.stringify({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies BackupResult));
  }
}
