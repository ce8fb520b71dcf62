import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("weight_base_years");
