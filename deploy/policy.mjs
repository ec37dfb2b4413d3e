// The HTTP headers the portal is served with, in one place. Two files are written from it:
//   - dist/_headers (for static hosts that read that format), by tools/postbuild.mjs at each build,
//     because it names the build's hashed files;
//   - deploy/nginx/gongkai.conf, the nginx site, by `node deploy/policy.mjs nginx` (committed; the
//     end-to-end suite serves the build through nginx with this same text and checks it is current).
//
// The Content-Security-Policy allows only what the portal does:
//   script-src   the build's own files and compiling its WebAssembly; no inline script at all
//                (tools/postbuild.mjs moves trunk's start-up script into a hashed file);
//   style-src    its stylesheet, plus inline style attributes, which charts and the slide zoom set;
//   img-src      its files, and data:/blob: images the PNG download draws from;
//   connect-src  its own data, and another publisher's package given by `?data=` (https:, and
//                http: which browsers refuse from an https page anyway);
//   worker-src   the offline service worker;
//   frame-ancestors  'none' everywhere except the embed route (/embed, /embed/…), which any page
//                may frame — that is what it is for.
// Everything else falls back to default-src 'none'.
import { pathToFileURL } from "node:url";

/** Build files whose names carry a content hash (see also public/sw.js). Trunk writes the
 *  64-bit hash as hex without leading zeros, so it has up to 16 digits (15 one time in 16). */
export const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$/;

/** The Content-Security-Policy for a page that `frameAncestors` may frame. */
export function csp(frameAncestors) {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self' https: http:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** Who may frame a page: nobody, except the embed route's pages. */
export const FRAMED_BY = { page: "'none'", embed: "*" };

/** Headers every response carries besides the policy. */
export const COMMON = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Caching: hashed files never change; everything else is revalidated on each use. */
export const CACHE = { hashed: "public, max-age=31536000, immutable", other: "no-cache" };

/** The `_headers` file for a build whose files (paths relative to dist, with `/`) are `files`. */
export function headersFile(files) {
  const header = ([name, value]) => `  ${name}: ${value}`;
  // A later block adds to the blocks before it that match too; `! Name` first drops their value.
  const replacing = (path, name, value) => [path, `  ! ${name}`, header([name, value])].join("\n");
  const blocks = [
    ["/*", ...Object.entries({ ...COMMON, "Content-Security-Policy": csp(FRAMED_BY.page), "Cache-Control": CACHE.other }).map(header)].join("\n"),
    ...["/embed", "/embed/*"].map((path) => replacing(path, "Content-Security-Policy", csp(FRAMED_BY.embed))),
    ...files.filter((f) => HASHED.test(f)).sort().map((f) => replacing(`/${f}`, "Cache-Control", CACHE.hashed)),
  ];
  return `# Written by tools/postbuild.mjs from deploy/policy.mjs; do not edit.\n${blocks.join("\n\n")}\n`;
}

/** The nginx site: serves `root` on `listen`, routes without a file to index.html. */
export function nginxConf({ root = "/srv/gongkai", listen = "80" } = {}) {
  const adds = [
    ...Object.entries(COMMON).map(([k, v]) => `add_header ${k} "${v}" always;`),
    `add_header Content-Security-Policy "${csp("$gongkai_frame_ancestors")}" always;`,
    `add_header Cache-Control $gongkai_cache_control always;`,
  ];
  return `# nginx site for the portal. Written by \`node deploy/policy.mjs nginx\` from deploy/policy.mjs;
# do not edit by hand. Include it inside nginx's http {} block (Debian: /etc/nginx/sites-enabled/)
# and set root to the directory holding the build (dist/).

# Only the embed route may be framed by other sites. $request_uri is the address asked for, before
# the route is answered with index.html.
map $request_uri $gongkai_frame_ancestors {
    default                 "${FRAMED_BY.page}";
    ~^/embed(/|\\?|$)        "${FRAMED_BY.embed}";
}

map $uri $gongkai_cache_control {
    default                                      "${CACHE.other}";
    "~${HASHED.source.replace(/\$$/, "")}$"   "${CACHE.hashed}";
}

server {
    listen ${listen};
    root ${root};
    index index.html;
    charset utf-8;
    charset_types text/csv application/json application/javascript text/css image/svg+xml;
    server_tokens off;

    # Brotli (Debian: libnginx-mod-http-brotli-static and -filter): the build's .br copies
    # (tools/precompress.mjs) where they exist, else compressed on the fly; gzip for the rest.
    brotli_static on;
    brotli on;
    brotli_types text/css text/csv application/json application/javascript application/wasm image/svg+xml;
    brotli_min_length 1024;
    gzip on;
    gzip_types text/css text/csv application/json application/javascript application/wasm image/svg+xml;
    gzip_min_length 1024;
    gzip_vary on;

${adds.map((l) => `    ${l}`).join("\n")}

    # A file that is missing is a 404 (a data file must never be answered with the page).
    location ~ \\.csv$ {
        types { }
        default_type text/csv;
        try_files $uri =404;
    }
    location ~ \\.[A-Za-z0-9]+$ {
        try_files $uri =404;
    }

    # The portal's routes (/funds, /map, /embed/…) are all the one page.
    location / {
        try_files $uri $uri/ /index.html;
    }
}
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] !== "nginx") {
    console.error("usage: node deploy/policy.mjs nginx > deploy/nginx/gongkai.conf");
    process.exit(2);
  }
  process.stdout.write(nginxConf());
}
