/**
 * The English words of <comment-form>, read from src/comment/comment-form.strings.ts itself,
 * so the Node-run tests (end to end, WordPress) wait for exactly what readers see.
 */
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const source = readFileSync(new URL('../../src/comment/comment-form.strings.ts', import.meta.url), 'utf8');
const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
const stringsModule = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

/** @type {Record<string, string>} */
export const commentFormStrings = stringsModule.commentFormStrings;
/** @type {(template: string, values: Record<string, string | number>) => string} */
export const fillIn = stringsModule.fillIn;
