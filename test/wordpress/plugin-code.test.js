/**
 * The WordPress plugin's PHP (wordpress-plugin/): every file parses (`php -l`), follows
 * its ruleset (`phpcs`, Debian's php-codesniffer, with wordpress-plugin/phpcs.xml: PSR-12
 * and no debugging functions), and escapes what it prints. The WordPress Coding
 * Standards, which check escaping, are not packaged for Debian: the check below reads
 * each `echo`, `print` and `printf`. (What the plugin returns to WordPress as markup is
 * checked in a page: test/wordpress/plugin.test.js.)
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const plugin = join(root, 'wordpress-plugin');
const phpFiles = readdirSync(plugin, { recursive: true })
  .map(String)
  .filter((path) => path.endsWith('.php'))
  .sort();

/** Functions whose result is safe to print: WordPress's escaping, JSON for a script, and the plugin's own attribute writer. */
const ESCAPING = /^(esc_html|esc_attr|esc_url|esc_html__|esc_attr__|wp_json_encode|news_widgets_attributes)\(/;
/**
 * Printed values that are escaped where they are made, each with the reason:
 * a theme's own comments HTML, which the theme escaped, with the plugin's escaped attributes added.
 */
const ESCAPED_WHERE_MADE = ['news_widgets_wrap_comments('];

/** The arguments of a call whose `(` is at `open`: top-level commas split them; strings are skipped whole. */
function callArguments(code, open) {
  const args = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < code.length; i++) {
    const char = code[i];
    if (char === "'" || char === '"') {
      for (i++; i < code.length && code[i] !== char; i++) if (code[i] === '\\') i++;
    } else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') {
      depth--;
      if (depth === 0) {
        args.push(code.slice(start, i).trim());
        return args;
      }
    } else if (char === ',' && depth === 1) {
      args.push(code.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error(`unbalanced call at ${code.slice(open, open + 60)}`);
}

/** Whether a printed PHP expression is escaped: a string literal, an escaping call, or escaped where it is made. */
const escaped = (expression) =>
  /^('[^']*'|"[^"$]*")$/.test(expression) ||
  ESCAPING.test(expression) ||
  ESCAPED_WHERE_MADE.some((call) => expression.startsWith(call));

/** What a file prints or returns as markup, unescaped: `file:line expression`. */
function unescapedOutput(path) {
  const code = readFileSync(join(plugin, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/^\s*\/\/.*$/gm, '');
  const line = (index) => code.slice(0, index).split('\n').length;
  const problems = [];
  for (const match of code.matchAll(/\b(echo|print)\s+([^;?]+?)\s*(;|\?>)/g)) {
    if (!escaped(match[2])) problems.push(`${path}:${line(match.index)} ${match[0]}`);
  }
  // printf: the format is the plugin's own; every value put into it is escaped.
  for (const match of code.matchAll(/\bprintf\(/g)) {
    const [, ...values] = callArguments(code, match.index + match[0].length - 1);
    for (const value of values) if (!escaped(value)) problems.push(`${path}:${line(match.index)} printf(… ${value} …)`);
  }
  return problems;
}

describe('the WordPress plugin’s PHP', () => {
  it('every file parses (php -l)', async () => {
    assert.ok(phpFiles.length >= 8, `the plugin's PHP files: ${phpFiles.join(', ')}`);
    for (const file of phpFiles) {
      const { stdout } = await run('php', ['-l', join(plugin, file)]);
      assert.match(stdout, /^No syntax errors detected/, file);
    }
  });

  it('follows its ruleset (phpcs with wordpress-plugin/phpcs.xml)', async () => {
    const result = await run('phpcs', [
      '-q',
      '--report=emacs',
      `--standard=${join(plugin, 'phpcs.xml')}`,
      plugin,
    ]).catch((error) => error);
    assert.equal(result.stdout.trim(), '', 'phpcs found problems');
    assert.equal(result.code ?? 0, 0);
  });

  it('escapes everything it prints', () => {
    assert.deepEqual(phpFiles.flatMap(unescapedOutput), []);
  });

  it('the escaping check finds an unescaped echo and printf', () => {
    // The check itself, on code that prints a request's value as it came.
    const code = `<?php\necho $_GET['x'];\nprintf('<b>%s</b>', $title);\necho esc_html($title);`;
    const problems = [...code.matchAll(/\b(echo|print)\s+([^;?]+?)\s*(;|\?>)/g)]
      .filter((match) => !escaped(match[2]))
      .map((match) => match[2]);
    assert.deepEqual(problems, ["$_GET['x']"]);
    const open = code.indexOf('printf(') + 'printf'.length;
    assert.deepEqual(
      callArguments(code, open)
        .slice(1)
        .filter((value) => !escaped(value)),
      ['$title'],
    );
  });
});
