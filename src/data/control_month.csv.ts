import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("control_month");
