import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("procedure_classes");
