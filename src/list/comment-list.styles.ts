/**
 * The look of `<comment-list>`: the page's fonts and colours, logical properties (so
 * right-to-left pages mirror by themselves), nesting capped in width, and the
 * `--comment-list-*` custom properties with the form's accent as fallback.
 */
import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';

export const commentListStyles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      --_accent: var(--comment-list-accent, var(--comment-form-accent, LinkText));
      --_gap: var(--comment-list-gap, 1.25rem);
    }
    :host([hidden]) {
      display: none;
    }
    .heading {
      margin-block: 0 0.75rem;
    }
    .order {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-end: var(--_gap);
    }
    button {
      font: inherit;
      min-block-size: 2.75rem;
      min-inline-size: 2.75rem;
      padding-inline: 0.75rem;
      border: 2px solid var(--_accent);
      border-radius: var(--comment-list-radius, var(--comment-form-radius, 0.25rem));
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--_accent);
      color: var(--comment-list-accent-text, var(--comment-form-accent-text, Canvas));
    }
    button:focus-visible,
    a:focus-visible,
    .comment:focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    .thread,
    .replies {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .replies {
      padding-inline-start: var(--comment-list-indent, 1.5rem);
      border-inline-start: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    }
    .entry {
      margin-block: var(--_gap);
    }
    .comment {
      border-radius: var(--comment-list-radius, 0.25rem);
    }
    .comment.highlighted {
      outline: 3px solid var(--_accent);
      outline-offset: 4px;
    }
    .comment-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    .avatar {
      inline-size: 48px;
      block-size: 48px;
      border-radius: 50%;
      flex: none;
    }
    .author {
      font-weight: bold;
    }
    .permalink {
      color: inherit;
      opacity: 0.85;
      padding-block: 0.25rem;
    }
    .moderation {
      font-style: italic;
    }
    .content {
      overflow-wrap: anywhere;
    }
    .content img,
    .content video {
      max-inline-size: 100%;
      block-size: auto;
    }
    .load-more {
      margin-block: var(--_gap);
    }
    .reply-area {
      margin-block: var(--_gap);
      padding-inline-start: var(--comment-list-indent, 1.5rem);
    }
    .error p {
      margin-block: 0 0.5rem;
    }
    @media (forced-colors: active) {
      button[aria-pressed='true'] {
        border-width: 4px;
      }
      .comment.highlighted {
        outline-color: Highlight;
      }
    }
  `,
];
