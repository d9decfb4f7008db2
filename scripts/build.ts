// `npm run build`: the patient page's stylesheet, then `next build` (see scripts/lib/next-build.ts).
import { buildNext } from "./lib/next-build";

await buildNext();
