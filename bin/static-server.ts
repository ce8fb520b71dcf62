// A tiny static server for the built site (dist/) on 127.0.0.1, as any web server would serve it:
// Framework's clean URLs (/casemix → casemix.html, /en/ → en/index.html). For the PDF command and the
// browser tests; not for production.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm", // streaming compilation (the SQL page's DuckDB-Wasm) needs this type
};

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

/** The file a URL path names in `root`, or null (never outside `root`). */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  const base = resolve(root);
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const target = normalize(join(base, path));
  if (target !== base && !target.startsWith(base + sep)) return null;
  const candidates = path.endsWith("/") ? [join(target, "index.html")] : [target, `${target}.html`, join(target, "index.html")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}: no index.html here; build the site first (npm run build)`);
  const server: Server = createServer((request, response) => {
    const file = resolveStaticPath(root, request.url ?? "/");
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, fail) => server.once("error", fail).listen(port, "127.0.0.1", done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
