/**
 * Styles of `<comment-form>`: the page's font and colours, logical properties for
 * right-to-left pages, visible focus. The colours the form picks itself are system
 * colours or `light-dark()` pairs, which resolve against the `color-scheme` the page
 * gives the host: when the page switches to dark (its `color-scheme`, by a media query
 * or a class), the form follows with no script. Every pair meets WCAG AA on the
 * page's own background (Canvas): 4.5:1 for text, 3:1 for borders and the focus ring.
 */
import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';

export const commentFormStyles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      font: inherit;
      color: inherit;
      --_accent: var(--comment-form-accent, LinkText);
      --_error: var(--comment-form-error-color, light-dark(#b3261e, #ffb4ab));
      --_gap: var(--comment-form-gap, 1.25rem);
      --_radius: var(--comment-form-radius, 0.25rem);
    }
    :host([hidden]) {
      display: none;
    }
    [part~='heading'] {
      margin-block: 0 0.5rem;
    }
    .note,
    .hint {
      margin-block: 0 0.25rem;
      font-size: 0.9em;
    }
    .note span + span::before {
      content: ' ';
    }
    form {
      display: grid;
      gap: var(--_gap);
      justify-items: start;
    }
    .field {
      display: grid;
      gap: 0.25rem;
      inline-size: 100%;
    }
    label {
      font-weight: bold;
    }
    .required {
      color: var(--_error);
    }
    [part~='input'] {
      box-sizing: border-box;
      inline-size: 100%;
      max-inline-size: 40rem;
      font: inherit;
      color: inherit;
      background: var(--comment-form-field-background, Field);
      border: var(--comment-form-field-border, 2px solid currentColor);
      border-radius: var(--_radius);
      padding: 0.5rem;
    }
    textarea[part~='input'] {
      resize: vertical;
      min-block-size: 8rem;
    }
    :is(input, textarea, button, a):focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    .invalid [part~='input'] {
      border-color: var(--_error);
      border-inline-start-width: 5px;
    }
    .error-message {
      margin: 0;
      color: var(--_error);
      font-weight: bold;
    }
    .remember {
      display: flex;
      gap: 0.5rem;
      align-items: start;
    }
    .remember input {
      accent-color: var(--_accent);
      inline-size: 1.25rem;
      block-size: 1.25rem;
      margin: 0.15rem 0 0;
      flex: none;
    }
    .remember label {
      font-weight: normal;
    }
    [part~='submit'] {
      font: inherit;
      font-weight: bold;
      padding: 0.6rem 1.2rem;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--comment-form-accent-text, Canvas);
      cursor: pointer;
    }
    /* Sending: an outlined button (not a faded one, which would lose contrast). */
    [part~='submit'][aria-disabled='true'] {
      background: transparent;
      color: var(--_accent);
      cursor: progress;
    }
    .error-summary {
      border: 4px solid var(--_error);
      padding: 1rem;
      margin-block-end: var(--_gap);
    }
    .error-summary:focus {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    .error-summary-title {
      font-weight: bold;
      font-size: 1.15em;
      margin: 0 0 0.5rem;
    }
    .error-summary ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    /* A list of links is no inline text: each link is a target of at least 24 × 24 CSS px,
     at any font size, and the items are spaced apart (WCAG 2.2, 2.5.8 Target Size). */
    .error-summary li + li {
      margin-block-start: 0.5rem;
    }
    .error-summary a {
      color: var(--_error);
      font-weight: bold;
      display: inline-block;
      min-block-size: 24px;
      min-inline-size: 24px;
      padding-block: 0.125rem;
      box-sizing: border-box;
    }
    [part~='draft-notice'] {
      margin-block: 0 var(--_gap);
    }
    .link-button {
      font: inherit;
      color: var(--_accent);
      background: none;
      border: none;
      padding: 0;
      text-decoration: underline;
      cursor: pointer;
    }
    .status:empty {
      margin: 0;
    }
    /* The comment waiting to be sent: the fields show it read-only, with what can be done about it below. */
    [part~='input'][readonly] {
      border-style: dashed;
    }
    .pending > p {
      margin-block: var(--_gap) 0;
    }
    .pending-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
    }
    .pending-actions .link-button {
      min-block-size: 24px;
    }
    .link-button[aria-disabled='true'] {
      cursor: default;
      text-decoration: none;
    }
    /* Windows high contrast and other forced palettes: system colours only, every control outlined. */
    @media (forced-colors: active) {
      [part~='input'] {
        border-color: FieldText;
      }
      [part~='submit'] {
        border-color: ButtonText;
        background: ButtonFace;
        color: ButtonText;
      }
      [part~='submit'][aria-disabled='true'] {
        border-style: dashed;
        color: GrayText;
      }
      .remember input {
        accent-color: auto;
      }
      :is(input, textarea, button, a):focus-visible,
      .error-summary:focus {
        outline-color: Highlight;
      }
      .error-summary,
      .invalid [part~='input'] {
        border-color: CanvasText;
      }
      .required,
      .error-message {
        color: CanvasText;
      }
      .error-summary a,
      .link-button {
        color: LinkText;
      }
    }
  `,
];
