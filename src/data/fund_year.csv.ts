import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("fund_year");
