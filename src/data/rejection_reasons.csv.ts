import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("rejection_reasons");
