import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("input_files");
