import { wasmToStdout } from "../../loaders/sql-page.ts";

await wasmToStdout("mvp");
