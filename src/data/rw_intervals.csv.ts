import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("rw_intervals");
