/**
 * The English words of <comment-form>, read from src/comment/comment-form.strings.ts itself,
 * so the Node-run tests (end to end, WordPress) wait for exactly what readers see.
 */
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const entry = fileURLToPath(new URL('../../src/comment/comment-form.strings.ts', import.meta.url));
// Bundled with what it imports (and its translations inlined), so it runs from a data: URL.
const [{ text: code }] = buildSync({ entryPoints: [entry], bundle: true, format: 'esm', write: false }).outputFiles;
const stringsModule = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

/** @type {Record<string, string>} */
export const commentFormStrings = stringsModule.commentFormStrings;
/** @type {(template: string, values: Record<string, string | number>) => string} */
export const fillIn = stringsModule.fillIn;
