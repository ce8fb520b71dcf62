import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("settlement_year");
