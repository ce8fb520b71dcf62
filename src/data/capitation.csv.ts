import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("capitation");
