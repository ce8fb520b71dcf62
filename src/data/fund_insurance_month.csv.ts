import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("fund_insurance_month");
