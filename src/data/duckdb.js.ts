import { engineModule } from "../../loaders/sql-page.ts";

process.stdout.write(await engineModule());
