/**
 * Styles of `<news-article>`: the page's font and colours by default, themable through
 * custom properties and parts. The only colours it picks itself are system colours
 * (`LinkText`) and ones mixed from the inherited text colour, so they follow the page's
 * `color-scheme` and its dark mode with no script.
 */
import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';

export const newsArticleStyles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      font: inherit;
      color: inherit;
    }
    :host([hidden]) {
      display: none;
    }
    article {
      max-inline-size: var(--news-article-max-width, none);
    }
    a {
      color: var(--news-article-link-color, LinkText);
    }
    [part~='headline'] {
      font-family: var(--news-article-headline-font, inherit);
      font-size: var(--news-article-headline-size, 2em);
      line-height: 1.2;
      margin-block: 0 0.5rem;
    }
    [part~='summary'] {
      font-size: 1.15em;
      margin-block: 0 1rem;
    }
    [part~='byline'],
    [part~='categories'],
    [part~='tags'] {
      color: var(--news-article-meta-color, inherit);
      font-size: var(--news-article-meta-size, 0.9em);
      margin-block: 0 1rem;
    }
    [part~='figure'] {
      margin: 0 0 1rem;
    }
    img,
    video {
      max-inline-size: 100%;
      block-size: auto;
    }
    [part~='image'] {
      display: block;
      inline-size: 100%;
      border-radius: var(--news-article-image-radius, 0);
    }
    /* Without known dimensions, reserve a frame so nothing moves when the image arrives. */
    [part~='image']:not([width]) {
      aspect-ratio: 16 / 9;
      object-fit: cover;
    }
    [part~='content'] {
      line-height: var(--news-article-line-height, 1.6);
    }
    [part~='content'] :is(figure) {
      margin-inline: 0;
    }
    [part~='content'] pre {
      overflow-x: auto;
    }
    [part~='content'] blockquote {
      margin-inline: 0;
      padding-inline-start: 1em;
      border-inline-start: 0.25em solid currentColor;
    }
    [part~='text-paragraph'] {
      white-space: pre-line;
    }
    [part~='footer'] {
      margin-block-start: 1.5rem;
    }
    [part~='placeholder'] {
      min-block-size: var(--news-article-placeholder-height, 24rem);
      display: grid;
      align-content: start;
      gap: 0.75rem;
    }
    [part~='placeholder'] span {
      block-size: 1em;
      border-radius: 0.25em;
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    [part~='placeholder'] span:first-child {
      block-size: 2em;
      inline-size: 80%;
    }
    [part~='error'] {
      padding: 1rem;
      border: 2px solid var(--news-article-error-color, currentColor);
      border-radius: 0.25rem;
    }
    /* The page's colours, not the browser's button colours (WebKit's dark ones fail contrast). */
    [part~='retry-button'] {
      font: inherit;
      color: inherit;
      background: transparent;
      border: 2px solid currentColor;
      border-radius: 0.25rem;
      padding: 0.4rem 1rem;
      cursor: pointer;
    }
    [part~='retry-button']:focus-visible {
      outline: 3px solid var(--news-article-link-color, LinkText);
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      [part~='placeholder'] span {
        background: GrayText;
      }
      [part~='error'] {
        border-color: CanvasText;
      }
      [part~='retry-button'] {
        border-color: ButtonText;
        background: ButtonFace;
        color: ButtonText;
      }
      [part~='retry-button']:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
