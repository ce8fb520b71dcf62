import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("grouping_concordance");
