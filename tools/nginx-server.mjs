// Serves a build with Debian's nginx and the portal's own site configuration
// (deploy/policy.mjs, the text of deploy/nginx/gongkai.conf), on 127.0.0.1 only. The end-to-end
// journeys run against it, so they see the same headers, Content-Security-Policy and routing a
// deployment does.
//
//   node tools/nginx-server.mjs [DIR=dist] [PORT=8080]
import { spawn } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { nginxConf } from "../deploy/policy.mjs";

const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";
const MODULES = "/usr/lib/nginx/modules";
const BROTLI_MODULES = ["ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so"];

/** A port nothing listens on now. */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

function answers(port) {
  return new Promise((ok) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(() => ok(true)));
    socket.once("error", () => ok(false));
  });
}

/** Starts nginx serving `dir` on 127.0.0.1:`port` (0 picks a free one); resolves to { url, stop }. */
export async function startNginx(dir, port = 0) {
  port ||= await freePort();
  const prefix = await mkdtemp(join(tmpdir(), "gongkai-nginx-"));
  await mkdir(join(prefix, "temp"));
  const site = nginxConf({ root: resolve(dir), listen: `127.0.0.1:${port}` });
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${join(prefix, "temp", t)};`);
  await writeFile(
    join(prefix, "nginx.conf"),
    [
      // As root, workers would otherwise run as nobody, who may not read the build.
      process.getuid?.() === 0 ? "user root;" : "",
      // Debian's brotli modules, which the site configuration uses (by absolute path: nginx
      // resolves Debian's module lines against the prefix, here a temporary folder).
      ...BROTLI_MODULES.map((m) => `load_module ${join(MODULES, m)};`),
      "worker_processes 1;",
      "daemon off;",
      `pid ${join(prefix, "nginx.pid")};`,
      `error_log ${join(prefix, "error.log")} warn;`,
      "events { worker_connections 256; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      "  sendfile on;",
      ...temp,
      site,
      "}",
      "",
    ].join("\n"),
  );
  const child = spawn(NGINX, ["-p", prefix, "-c", join(prefix, "nginx.conf")], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((ok) => child.once("exit", ok));
  child.once("error", (e) => console.error(`${NGINX}: ${e.message} (tools/setup.sh --test installs nginx)`));
  for (let i = 0; !(await answers(port)); i++) {
    if (child.exitCode !== null || i > 100) {
      const log = await readFile(join(prefix, "error.log"), "utf8").catch(() => "");
      throw new Error(`nginx did not start on 127.0.0.1:${port}: ${log}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    /** Stops nginx at once (open connections are cut) and removes its working files. */
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = "dist", port = "8080"] = process.argv.slice(2);
  const { url } = await startNginx(dir, Number(port));
  console.log(`nginx serving ${resolve(dir)} at ${url} (Ctrl-C stops)`);
}
