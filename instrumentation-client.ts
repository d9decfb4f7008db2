// Runs in the browser before the app's modules and React hydration (Next's instrumentation-client
// convention). zod 4 probes whether eval is allowed (`new Function("")`) when a schema is built, and
// under the clinic pages' nonce CSP (no 'unsafe-eval') the browser reports that probe as a
// violation even though zod catches it. jitless skips the probe and zod's eval fast path; the
// client-side schemas (the plan builder's draft and dose) then parse the ordinary way.
import { z } from "zod";

z.config({ jitless: true });
