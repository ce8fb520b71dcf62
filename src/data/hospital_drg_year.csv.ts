import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("hospital_drg_year");
