/**
 * `npm run build:wordpress`: builds the bundle (`npm run build`), then writes
 * `news-widgets-wordpress.zip`, the WordPress plugin as Plugins → Add New → Upload Plugin
 * takes it: a `news-widgets/` folder with the files of `wordpress-plugin/` and, in
 * `news-widgets/assets/`, the bundle and its chunks from `dist/`.
 *
 * The zip is written here with Node's zlib (deflate and CRC-32), so no zip program is
 * needed, and it is the same bytes for the same files (every entry is dated 1 January 2026).
 *
 *   node scripts/build-wordpress.js [--no-build]   --no-build: zip the dist/ there is
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const PLUGIN = join(root, 'wordpress-plugin');
const DIST = join(root, 'dist');
export const ZIP = join(root, 'news-widgets-wordpress.zip');
/** The plugin's folder in wp-content/plugins, which WordPress names after the zip's top folder. */
export const PLUGIN_FOLDER = 'news-widgets';
/** Files of wordpress-plugin/ that are for developing the plugin, not for a site. */
const DEVELOPMENT_FILES = new Set(['phpcs.xml']);
/** 1 January 2026, 00:00, as MS-DOS writes a date and a time. */
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** Every file under `dir`, as paths relative to it with `/` between folders, sorted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'))
    .sort();
}

/** What goes into the zip: `[path in the zip, file on disk]`. */
export function pluginEntries() {
  const plugin = filesUnder(PLUGIN)
    .filter((path) => !DEVELOPMENT_FILES.has(path))
    .map((path) => [`${PLUGIN_FOLDER}/${path}`, join(PLUGIN, path)]);
  const bundle = filesUnder(DIST)
    .filter((path) => /^news-widgets[^/]*\.js$/.test(path))
    .map((path) => [`${PLUGIN_FOLDER}/assets/${path}`, join(DIST, path)]);
  if (!bundle.some(([path]) => path.endsWith('/assets/news-widgets.js')))
    throw new Error('dist/news-widgets.js is missing: run npm run build first');
  return [...plugin, ...bundle];
}

/** The folders the files are in, each before its files, as zip tools list them. */
function withFolders(entries) {
  const seen = new Set();
  const all = [];
  for (const [name, file] of entries) {
    const parts = name.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const folder = `${parts.slice(0, depth).join('/')}/`;
      if (seen.has(folder)) continue;
      seen.add(folder);
      all.push([folder, null]);
    }
    all.push([name, file]);
  }
  return all;
}

/**
 * A zip archive (PKWARE APPNOTE 6.3: local headers, deflated data, central directory,
 * end record) of the files, as WordPress's unzip_file() reads it with PHP's ZipArchive or its own PclZip.
 *
 * @param {[string, string][]} entries `[path in the zip, file on disk]`
 * @returns {Buffer}
 */
export function zipArchive(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, file] of withFolders(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = file ? readFileSync(file) : Buffer.alloc(0);
    const packed = file ? deflateRawSync(data, { level: 9 }) : data;
    const method = file ? 8 : 0;
    const checksum = file ? crc32(data) : 0;
    const common = (header) => {
      header.writeUInt16LE(20, 0); // version needed: 2.0 (deflate, folders)
      header.writeUInt16LE(0x0800, 2); // names are UTF-8
      header.writeUInt16LE(method, 4);
      header.writeUInt16LE(DOS_TIME, 6);
      header.writeUInt16LE(DOS_DATE, 8);
      header.writeUInt32LE(checksum, 10);
      header.writeUInt32LE(packed.length, 14);
      header.writeUInt32LE(data.length, 18);
      header.writeUInt16LE(nameBytes.length, 22);
      return header;
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local.subarray(4)).writeUInt16LE(0, 24); // no extra field
    locals.push(local, nameBytes, packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    common(entry.subarray(6));
    // extra field, comment, disk: 0; internal attributes 0
    const mode = file ? 0o100644 : 0o040755;
    entry.writeUInt32LE(((mode << 16) | (file ? 0 : 0x10)) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const entries = pluginEntries();
  const zip = zipArchive(entries);
  writeFileSync(ZIP, zip);
  console.log(`${relative(process.cwd(), ZIP)}: ${entries.length} files, ${zip.length.toLocaleString('en')} bytes`);
}
