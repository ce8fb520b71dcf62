import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("region_year");
