import { publishedSchema } from "../../loaders/sql-page.ts";

process.stdout.write(JSON.stringify(await publishedSchema(), null, 2));
