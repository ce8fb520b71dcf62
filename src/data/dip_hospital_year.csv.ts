import { publishToStdout } from "../../loaders/publish.ts";

await publishToStdout("dip_hospital_year");
