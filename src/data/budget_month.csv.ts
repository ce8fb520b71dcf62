import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("budget_month");
