import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("apg_hospital_group");
