import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("department_year");
