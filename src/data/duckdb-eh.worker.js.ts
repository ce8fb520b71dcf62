import { workerScript } from "../../loaders/sql-page.ts";

process.stdout.write(workerScript("eh"));
