/** Types of scripts/api-docs.js for the TypeScript files that import it. */

export const START: string;
export const END: string;

/** Each element and the page its reference is written into, relative to the repository's root. */
export const pages: { tag: string; file: string }[];

/** A custom-elements.json, as far as the generator reads it. */
export interface Manifest {
  modules?: { declarations?: ({ customElement?: boolean; tagName?: string } & Record<string, unknown>)[] }[];
}

export function elementDeclaration(manifest: Manifest, tag: string): Record<string, unknown>;
export function markdownText(text: string | undefined): string;
export function codeSpan(text: string): string;
export function apiMarkdown(declaration: Record<string, unknown>): string;
export function apiSection(markdown: string, file?: string): string;
export function withApi(markdown: string, generated: string, file?: string): string;
