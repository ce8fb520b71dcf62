import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("apg_region_year");
