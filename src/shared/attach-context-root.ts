/**
 * Attaches a context root to the document: it keeps the requests of elements that asked
 * for a context no element provides yet (a comment form for its article), and replays
 * them once one does. A module of its own, so a bundle that rarely needs it loads it lazily.
 */
import { ContextRoot } from '@lit/context';

export const attachContextRoot = (): void => new ContextRoot().attach(document.documentElement);
