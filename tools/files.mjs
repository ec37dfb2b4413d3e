// Every file under a folder, for the build tools and tests that walk the build.
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** The paths of every file under `dir`, recursively, relative to it and with `/` separators. */
export async function filesUnder(dir) {
  async function walk(at) {
    const entries = await readdir(at, { withFileTypes: true });
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(at, e.name)) : [join(at, e.name)])));
    return nested.flat();
  }
  return (await walk(dir)).map((f) => relative(dir, f).split(sep).join("/")).sort();
}
