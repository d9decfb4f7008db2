// What a caller chooses about a handout. Kept apart from the renderer so that validating a
// request does not load react-pdf into the server thread.
import { z } from "zod";

export const papers = ["A4", "LETTER"] as const;
export type Paper = (typeof papers)[number];

export const handoutOptionsSchema = z.object({
  /** the patient's plan link, encoded in the QR code */
  link: z.url({ protocol: /^https?$/, error: "The plan link must be an http(s) address" }).max(2000),
  paper: z.enum(papers),
  largePrint: z.boolean(),
});
export type HandoutOptions = z.infer<typeof handoutOptionsSchema>;
