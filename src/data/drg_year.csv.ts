import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("drg_year");
