// Builds the dashboard into static/: bundles src/main.js with its npm libraries (Cytoscape.js,
// Chart.js) into one file, copies the page and its stylesheet, and copies Swagger UI's files
// for /docs. Run by `make setup` (npm ci && npm run build); nothing is fetched at run time.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "static");
const tmp = join(here, "static.tmp");

rmSync(tmp, { recursive: true, force: true });
mkdirSync(join(tmp, "swagger"), { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  sourcemap: "linked",
  legalComments: "linked",
  outfile: join(tmp, "app.js"),
  logLevel: "warning",
});
for (const name of ["index.html", "style.css", "favicon.svg"]) {
  cpSync(join(here, "src", name), join(tmp, name));
}
const swagger = join(here, "node_modules", "swagger-ui-dist");
for (const name of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"]) {
  cpSync(join(swagger, name), join(tmp, "swagger", name));
}
// swap in the new build at once, so a running server never serves half of one
rmSync(out, { recursive: true, force: true });
cpSync(tmp, out, { recursive: true });
rmSync(tmp, { recursive: true, force: true });
console.log(`dashboard built into ${out}`);
