import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("apg_groups");
